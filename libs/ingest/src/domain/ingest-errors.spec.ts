import { DomainError } from '@app/kernel';
import { DocumentEmpty, DocumentRejected, DocumentTooComplex, DocumentUnreadable, UnsupportedDocumentType } from './ingest-errors';

describe('ingest errors', () => {
  it.each([
    [new DocumentTooComplex('too many entries'), 'document_too_complex', 'too_large'],
    [new DocumentUnreadable('pdf', 'bad xref'), 'document_unreadable', 'invalid'],
    [new DocumentEmpty(), 'document_has_no_text', 'invalid'],
    [new UnsupportedDocumentType('exe'), 'unsupported_media_type', 'unsupported'],
  ])('%s carries a stable code and kind and is never worth retrying', (error, code, kind) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toBeInstanceOf(DocumentRejected);
    expect(error.code).toBe(code);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(false);
  });
});
