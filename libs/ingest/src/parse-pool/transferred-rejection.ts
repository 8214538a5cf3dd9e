import { DocumentEmpty, DocumentRejected, DocumentTooComplex, DocumentUnreadable, UnsupportedDocumentType } from '../domain/ingest-errors';

/** A DocumentRejected as data: errors lose their class (and so their code) crossing to another thread. */
export type TransferredRejection =
  | { code: 'document_too_complex'; reason: string }
  | { code: 'document_unreadable'; type: string; reason: string }
  | { code: 'document_has_no_text' }
  | { code: 'unsupported_media_type'; type: string };

export function transferRejection(error: DocumentRejected): TransferredRejection {
  if (error instanceof DocumentTooComplex) return { code: 'document_too_complex', reason: error.reason };
  if (error instanceof DocumentUnreadable) return { code: 'document_unreadable', type: error.type, reason: error.reason };
  if (error instanceof UnsupportedDocumentType) return { code: 'unsupported_media_type', type: error.type };
  if (error instanceof DocumentEmpty) return { code: 'document_has_no_text' };
  return { code: 'document_unreadable', type: 'document', reason: error.message };
}

export function restoreRejection(rejection: TransferredRejection): DocumentRejected {
  switch (rejection.code) {
    case 'document_too_complex':
      return new DocumentTooComplex(rejection.reason);
    case 'document_unreadable':
      return new DocumentUnreadable(rejection.type, rejection.reason);
    case 'unsupported_media_type':
      return new UnsupportedDocumentType(rejection.type);
    case 'document_has_no_text':
      return new DocumentEmpty();
  }
}
