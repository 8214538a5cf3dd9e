import { accessScopeOf } from '../domain/access-scope';
import { chromaWhereOf } from './chroma-where';

describe('chromaWhereOf', () => {
  it('allows organisation-wide chunks and the reader’s department', () => {
    expect(chromaWhereOf(accessScopeOf({ departmentId: 'd1' }))).toEqual({ $or: [{ visibility: 'organization' }, { departmentId: 'd1' }] });
  });

  it('narrows by the filters on top of the rule, never instead of it', () => {
    expect(chromaWhereOf(accessScopeOf({ departmentId: 'd1' }, { fileIds: ['f1'], departmentIds: ['d2'] }))).toEqual({
      $and: [
        { $or: [{ visibility: 'organization' }, { departmentId: 'd1' }] },
        { fileId: { $in: ['f1'] } },
        { departmentId: { $in: ['d2'] } },
      ],
    });
  });
});
