import { displayFilename } from './display-filename';
import { StoredFile, type FileReader } from './stored-file';

const file = (visibility: 'department' | 'organization') =>
  StoredFile.register({
    id: 'f',
    filename: 'a.txt',
    mimeType: 'text/plain',
    sizeBytes: 1,
    sha256: 'h',
    departmentId: 'sales',
    visibility,
    storageKey: 'k',
    uploadedBy: 'u',
    now: new Date(0),
  });
const member = (departmentId: string): FileReader => ({ userId: 'm', role: 'member', departmentId });

describe('StoredFile', () => {
  it('is visible to its department, to everyone when organisation-wide, and to admins', () => {
    expect(file('department').isVisibleTo(member('sales'))).toBe(true);
    expect(file('department').isVisibleTo(member('legal'))).toBe(false);
    expect(file('organization').isVisibleTo(member('legal'))).toBe(true);
    expect(file('department').isVisibleTo({ userId: 'a', role: 'admin', departmentId: 'legal' })).toBe(true);
  });

  it('is visible to nobody once deleted', () => {
    const deleted = file('organization');
    deleted.markDeleted(new Date(1));
    expect(deleted.isVisibleTo({ userId: 'a', role: 'admin', departmentId: 'sales' })).toBe(false);
  });

  it('moves queued → processing → ready, clearing a previous error, and stamps progress', () => {
    const f = file('department');
    f.markFailed('x', 'broken', new Date(1));
    f.startProcessing(new Date(2));
    expect(f).toMatchObject({ status: 'processing', errorCode: null, progress: 0 });
    f.reportProgress('embedding', 1.5, new Date(3));
    expect(f).toMatchObject({ stage: 'embedding', progress: 1, lastProgressAt: new Date(3) });
    f.markReady(4, null, 0, new Date(4));
    expect(f).toMatchObject({ status: 'ready', stage: null, chunkCount: 4, readyAt: new Date(4) });
    expect(f.isSettled()).toBe(true);
  });

  it('stays searchable while reindexed and after a failed reindex, and writes the next generation', () => {
    const f = file('department');
    expect(f.isSearchable()).toBe(false);
    expect(f.nextGeneration()).toBe(0);
    f.startProcessing(new Date(1));
    f.markReady(2, null, 0, new Date(2));
    expect(f.isSearchable()).toBe(true);
    expect(f.nextGeneration()).toBe(1);

    f.requeue(new Date(3));
    f.startProcessing(new Date(4));
    expect(f.isSearchable()).toBe(true);
    f.markFailed('document_unreadable', 'broken', new Date(5));
    expect(f).toMatchObject({ status: 'failed', liveGeneration: 0 });
    expect(f.isSearchable()).toBe(true);
    expect(f.nextGeneration()).toBe(1);
  });

  it('never records an older generation as live than it knows', () => {
    const f = file('department');
    f.markReady(1, null, 3, new Date(1));
    f.markReady(1, null, 2, new Date(2));
    expect(f.liveGeneration).toBe(3);
  });
});

describe('displayFilename', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\report.pdf', 'report.pdf'],
    ['.hidden', 'hidden'],
    ['a\u0000b\u202e.txt', 'ab.txt'],
    ['', 'unnamed'],
    ['what?.md', 'what_.md'],
  ])('turns %j into %j', (raw, shown) => {
    expect(displayFilename(raw)).toBe(shown);
  });

  it('keeps the extension when shortening a long name', () => {
    const shown = displayFilename(`${'x'.repeat(400)}.docx`);
    expect(shown).toHaveLength(255);
    expect(shown.endsWith('.docx')).toBe(true);
  });
});
