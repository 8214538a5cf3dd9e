import type { DocumentType } from './parsed-document';

const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  markdown: 'text/markdown',
  html: 'text/html',
  text: 'text/plain',
};

/** The media type a file is served and recorded with, from the type its bytes were sniffed as. */
export function mediaTypeOf(type: DocumentType): string {
  return MEDIA_TYPES[type];
}

export function documentTypeOfMediaType(mediaType: string): DocumentType | null {
  const entry = Object.entries(MEDIA_TYPES).find(([, value]) => value === mediaType);
  return entry ? (entry[0] as DocumentType) : null;
}
