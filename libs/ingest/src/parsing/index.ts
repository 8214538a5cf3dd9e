export { parseDocument } from './parse-document';
export { sniffDocumentType } from './sniff-document-type';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse-limits';
