import { accessScopeOf } from '../domain/access-scope';
import { chromaWhereOf } from './chroma-where';

const departmentDocumentsOf = (...ids: string[]) => ({ $and: [{ visibility: 'department' }, { departmentId: { $in: ids } }] });

describe('chromaWhereOf', () => {
  it('allows organisation-wide chunks and the department chunks of the reader’s line of departments', () => {
    expect(chromaWhereOf(accessScopeOf({ departmentIds: ['d1', 'parent'] }))).toEqual({
      $or: [{ visibility: 'organization' }, departmentDocumentsOf('d1', 'parent')],
    });
  });

  it('allows only organisation-wide chunks to a reader of no department', () => {
    expect(chromaWhereOf(accessScopeOf({ departmentIds: [] }))).toEqual({ visibility: 'organization' });
  });

  it('narrows by the filters on top of the rule, never instead of it', () => {
    expect(chromaWhereOf(accessScopeOf({ departmentIds: ['d1'] }, { fileIds: ['f1'], departmentIds: ['d2'] }))).toEqual({
      $and: [{ $or: [{ visibility: 'organization' }, departmentDocumentsOf('d1')] }, { fileId: { $in: ['f1'] } }, { departmentId: { $in: ['d2'] } }],
    });
  });
});
