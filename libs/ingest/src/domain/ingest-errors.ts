import { DomainError } from '@app/kernel';

/**
 * A document that cannot be parsed now will not parse on a retry either: the worker should fail
 * the job for good (BullMQ `UnrecoverableError`) when it catches one of these. Each keeps what it
 * was built from, so a parse thread can hand it back to the worker as data.
 */
export abstract class DocumentRejected extends DomainError {
  readonly retryable = false;
}

/**
 * Zip and Flate bombs, quadratic or deeply nested markup: reading the document would take more
 * than we agree to inflate, walk, compute or hold.
 */
export class DocumentTooComplex extends DocumentRejected {
  readonly kind = 'too_large';
  constructor(readonly reason: string) {
    super('document_too_complex', `The document is too complex to process: ${reason}`);
  }
}

export class DocumentUnreadable extends DocumentRejected {
  readonly kind = 'invalid';
  constructor(
    readonly type: string,
    readonly reason: string,
  ) {
    super('document_unreadable', `The ${type} document could not be read: ${reason}`);
  }
}

export class DocumentEmpty extends DocumentRejected {
  readonly kind = 'invalid';
  constructor() {
    super('document_has_no_text', 'The document contains no extractable text');
  }
}

export class UnsupportedDocumentType extends DocumentRejected {
  readonly kind = 'unsupported';
  constructor(readonly type: string) {
    super('unsupported_media_type', `Documents of type "${type}" are not supported`);
  }
}
