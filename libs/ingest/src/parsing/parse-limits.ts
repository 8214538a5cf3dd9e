/** Ceilings that keep one hostile or oversized document from exhausting the worker. */
export interface ParseLimits {
  /** Entries in a DOCX's zip central directory. */
  maxZipEntries: number;
  /** Sum of the declared uncompressed sizes of all zip entries. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size of one zip entry; bombs reach thousands. */
  maxCompressionRatio: number;
  maxPdfPages: number;
  /** Bytes a PDF's compressed streams may decode to, over the whole document; Flate bombs reach gigabytes. */
  maxPdfDecodedBytes: number;
  /** Characters of extracted text, over all sections. */
  maxTextChars: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxZipEntries: 2_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxPdfPages: 2_000,
  maxPdfDecodedBytes: 200 * 1024 * 1024,
  maxTextChars: 20_000_000,
};
