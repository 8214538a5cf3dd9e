import { DomainError } from '@app/kernel';

export class FileNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('file_not_found', `File ${id} does not exist`);
  }
}

export class FileTooLarge extends DomainError {
  readonly kind = 'too_large';
  constructor(maxBytes: number) {
    super('file_too_large', `The file is larger than the limit of ${maxBytes} bytes`);
  }
}

export class EmptyFile extends DomainError {
  readonly kind = 'invalid';
  constructor() {
    super('empty_file', 'The file is empty');
  }
}

export class UnsupportedMediaType extends DomainError {
  readonly kind = 'unsupported';
  constructor() {
    super('unsupported_media_type', 'Only PDF, DOCX, Markdown, HTML and plain text files are accepted; the type is read from the bytes');
  }
}

export class FileBusy extends DomainError {
  readonly kind = 'conflict';
  constructor(id: string) {
    super('file_busy', `File ${id} is still being ingested; reindex it once it is ready or failed`);
  }
}

export class UploadDepartmentNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('department_not_found', `Department ${id} does not exist`);
  }
}

/** A part of the form that is wrong, missing or where the contract does not put it. */
export class InvalidUploadField extends DomainError {
  readonly kind = 'invalid';
  constructor(field: string, problem: string) {
    super('validation_failed', `${field} ${problem}`, [{ field, problem }]);
  }
}

/** The multipart envelope itself is broken: not multipart, cut short, or a part that cannot be read. */
export class MalformedUpload extends DomainError {
  readonly kind = 'invalid';
  constructor(problem: string) {
    super('malformed_upload', `The multipart body ${problem}`, [{ field: 'body', problem }]);
  }
}

export class ReembedInProgress extends DomainError {
  readonly kind = 'conflict';
  constructor(model: string, done: number, total: number) {
    super('reembed_in_progress', `A re-embed with ${model} is running (${done} of ${total} chunks); follow it at GET /files/reembed`);
  }
}

export class ReembedNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor() {
    super('reembed_not_found', 'No re-embed has run in this deployment');
  }
}

/** An attachment goes to a conversation of the caller's; anyone else's is as absent as a missing one. */
export class AttachmentConversationNotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(id: string) {
    super('conversation_not_found', `Conversation ${id} does not exist`);
  }
}

export class AttachmentBytesExceeded extends DomainError {
  readonly kind = 'too_large';
  constructor(maxBytes: number) {
    super('attachment_quota_exceeded', `Your attachments would take more than the ${maxBytes} bytes each person may attach; delete a conversation with attachments first`);
  }
}

/** No Retry-After: the limit lasts until the person deletes conversations that hold attachments. */
export class TooManyAttachments extends DomainError {
  readonly kind = 'rate_limited';
  constructor(maxCount: number) {
    super('too_many_attachments', `You already have the ${maxCount} attachments each person may keep; delete a conversation with attachments first`);
  }
}
