import { DepartmentTree } from './department-tree';
import { inConversation, mayRead, readerScopeIn, scopeMayRead } from './reading-rule';

//        eng            people
//      /     \
//  platform  mobile
//     |
//    sre
const tree = new DepartmentTree([
  { id: 'eng', parentId: null },
  { id: 'platform', parentId: 'eng' },
  { id: 'mobile', parentId: 'eng' },
  { id: 'sre', parentId: 'platform' },
  { id: 'people', parentId: null },
]);

describe('DepartmentTree', () => {
  it('walks up from a department to the root, nearest first', () => {
    expect(tree.lineOf('sre')).toEqual(['sre', 'platform', 'eng']);
    expect(tree.lineOf('people')).toEqual(['people']);
    expect(tree.lineOf('unknown')).toEqual([]);
  });

  it('lists a department with everything below it', () => {
    expect(tree.subtreeOf('eng').sort()).toEqual(['eng', 'mobile', 'platform', 'sre']);
    expect(tree.subtreeOf('mobile')).toEqual(['mobile']);
  });

  it('stops at a cycle instead of looping', () => {
    const broken = new DepartmentTree([
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ]);
    expect(broken.lineOf('a')).toEqual(['a', 'b']);
    expect(broken.subtreeOf('a').sort()).toEqual(['a', 'b']);
  });
});

describe('the reading rule', () => {
  const doc = (departmentId: string, visibility = 'department') => ({ departmentId, visibility });

  it('lets a child department read its parent’s documents and not a sibling’s', () => {
    expect(mayRead(tree, 'platform', doc('eng'))).toBe(true);
    expect(mayRead(tree, 'sre', doc('eng'))).toBe(true);
    expect(mayRead(tree, 'mobile', doc('platform'))).toBe(false);
    expect(mayRead(tree, 'eng', doc('platform'))).toBe(false);
  });

  it('lets everyone read organisation-wide documents and nothing of another visibility', () => {
    expect(mayRead(tree, 'people', doc('sre', 'organization'))).toBe(true);
    expect(mayRead(tree, 'eng', doc('eng', 'conversation'))).toBe(false);
    expect(scopeMayRead(readerScopeIn(tree, 'eng'), doc('eng', 'conversation'))).toBe(false);
  });

  it('says the same from the reader’s scope as from the document’s subtree', () => {
    const departments = ['eng', 'platform', 'mobile', 'sre', 'people'];
    for (const reader of departments) {
      for (const owner of departments) {
        expect(scopeMayRead(readerScopeIn(tree, reader), doc(owner))).toBe(mayRead(tree, reader, doc(owner)));
      }
    }
  });

  it('lets an attachment be read by its owner inside its conversation only', () => {
    const attachment = { departmentId: 'eng', visibility: 'conversation', conversationId: 'c1', ownerId: 'ann' };
    const engineer = readerScopeIn(tree, 'eng');
    expect(scopeMayRead(inConversation(engineer, { id: 'c1', ownerId: 'ann' }), attachment)).toBe(true);
    expect(scopeMayRead(inConversation(engineer, { id: 'C1', ownerId: 'ANN' }), attachment)).toBe(true);
    expect(scopeMayRead(engineer, attachment)).toBe(false);
    expect(scopeMayRead(inConversation(engineer, { id: 'c2', ownerId: 'ann' }), attachment)).toBe(false);
    expect(scopeMayRead(inConversation(engineer, { id: 'c1', ownerId: 'bob' }), attachment)).toBe(false);
    expect(mayRead(tree, 'eng', attachment)).toBe(false);
    expect(mayRead(tree, 'eng', attachment, { id: 'c1', ownerId: 'ann' })).toBe(true);
    // A chunk's copy names no owner: its conversation decides, and the file's row the owner.
    expect(scopeMayRead(inConversation(engineer, { id: 'c1', ownerId: 'bob' }), { ...attachment, ownerId: undefined })).toBe(true);
  });
});
