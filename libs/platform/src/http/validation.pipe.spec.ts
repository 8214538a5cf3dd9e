import { IsOptional, IsString, MaxLength } from 'class-validator';
import { createValidationPipe, unacceptableInput, UNSTORABLE_PROBLEM } from './validation.pipe';

class TitleRequest {
  @IsOptional()
  @IsString()
  @MaxLength(10)
  title?: string;
}

const body = { type: 'body', metatype: TitleRequest } as const;

describe('the request validation pipe', () => {
  const pipe = createValidationPipe();
  const refusal = async (value: unknown, metadata = body as Parameters<typeof pipe.transform>[1]) => {
    try {
      await pipe.transform(value, metadata);
    } catch (error) {
      return error as { code: string; details: Array<{ field: string; problem: string }> };
    }
    throw new Error('accepted');
  };

  it('accepts well-formed text, astral characters and surrogate pairs included', async () => {
    expect(await pipe.transform({ title: 'Résumé 🙂' }, body)).toEqual({ title: 'Résumé 🙂' });
  });

  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate', '\udc00'],
    ['a high surrogate at the end', 'a\ud83d'],
  ])('refuses %s in a string, naming the field', async (_case, title) => {
    expect(await refusal({ title })).toMatchObject({ code: 'validation_failed', details: [{ field: 'title', problem: UNSTORABLE_PROBLEM }] });
  });

  it('finds them at any depth and in keys', () => {
    expect(unacceptableInput({ filters: { fileIds: ['ok', 'b\u0000'] }, ['k\u0000']: 1 }, '')).toEqual(
      expect.arrayContaining([
        { field: 'filters.fileIds.1', problem: UNSTORABLE_PROBLEM },
        { field: 'value', problem: UNSTORABLE_PROBLEM },
      ]),
    );
  });

  it('names a route parameter or a single query value by its name', async () => {
    expect(await refusal('x\u0000', { type: 'param', data: 'id' })).toMatchObject({ details: [{ field: 'id' }] });
    expect(await refusal('x\u0000', { type: 'query', data: 'cursor' })).toMatchObject({ details: [{ field: 'cursor' }] });
  });

  it.each(['constructor', '__proto__', 'prototype'])('refuses a %s key, which the whitelist alone lets through', async (key) => {
    const value = JSON.parse(`{"title": "fine", "${key}": {}}`);
    expect(await refusal(value)).toMatchObject({ code: 'validation_failed', details: [{ field: key, problem: 'is not a field this API accepts' }] });
  });

  it('leaves values of custom decorators (the caller) alone', async () => {
    const actor = { userId: 'u\u0000' };
    expect(await pipe.transform(actor, { type: 'custom' })).toBe(actor);
  });
});
