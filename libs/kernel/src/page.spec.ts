import { decodeCursor, encodeCursor } from './page';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const id = '6f1c1b3e-8a4d-4c2e-9b1a-2f3e4d5c6b7a';

describe('pagination cursors', () => {
  it('reads back every cursor it writes', () => {
    for (const at of ['2024-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z', '2999-12-31T23:59:59.999Z']) {
      expect(decodeCursor(encodeCursor({ at, id }))).toEqual({ at, id });
    }
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['an empty string', ''],
    ['JSON that is not a pair', cursorOf({ at: '2024-01-01T00:00:00.000Z', id })],
    ['a pair and more', cursorOf(['2024-01-01T00:00:00.000Z', id, 'x'])],
    ['numbers', cursorOf([1, 2])],
    ['a time that is not a date', cursorOf(['yesterday', id])],
    ['a date without a time', cursorOf(['2024-01-01', id])],
    ['a time in another zone', cursorOf(['2024-01-01T00:00:00.000+02:00', id])],
    ['the year 99999', cursorOf(['+099999-01-01T00:00:00.000Z', id])],
    ['a day that does not exist', cursorOf(['2024-02-30T00:00:00.000Z', id])],
    ['an hour that does not exist', cursorOf(['2024-01-01T25:00:00.000Z', id])],
    ['U+0000 in the time', cursorOf(['2024-01-01T00:00:00.000Z\u0000', id])],
    ['an id that is not a UUID', cursorOf(['2024-01-01T00:00:00.000Z', 'x'])],
    ['U+0000 in the id', cursorOf(['2024-01-01T00:00:00.000Z', `${id}\u0000`])],
    ['a huge one', 'A'.repeat(100_000)],
  ])('refuses %s', (_case, raw) => {
    expect(decodeCursor(raw)).toBeNull();
  });
});
