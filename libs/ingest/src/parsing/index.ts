export { parseDocument } from './parse-document';
export { sniffDocumentType } from './sniff-document-type';
