import { DomainError } from './domain-error';

class ThingNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('thing_not_found', `Thing ${id} was not found`);
  }
}

describe('DomainError', () => {
  it('carries a stable code, a kind and the subclass name', () => {
    const error = new ThingNotFound('42');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('thing_not_found');
    expect(error.kind).toBe('not_found');
    expect(error.name).toBe('ThingNotFound');
  });
});
