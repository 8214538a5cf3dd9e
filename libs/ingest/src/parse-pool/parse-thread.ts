import type { MessagePort } from 'node:worker_threads';
import { threadId } from 'node:worker_threads';
import { DocumentRejected } from '../domain/ingest-errors';
import type { DocumentType, ParsedDocument } from '../domain/parsed-document';
import { parseDocument } from '../parsing/parse-document';
import type { ParseLimits } from '../parsing/parse-limits';
import { transferRejection, type TransferredRejection } from './transferred-rejection';

export interface ParseTask {
  bytes: Uint8Array;
  type: DocumentType;
  limits?: Partial<ParseLimits>;
  /** Told this thread's id and CPU time as the parse starts, so the pool can watch its budget. */
  started: MessagePort;
}

export interface ParseStarted {
  threadId: number;
  cpu: NodeJS.CpuUsage;
}

export type ParseOutcome = { document: ParsedDocument } | { rejection: TransferredRejection };

/** Runs in a parse thread (piscina's handler): one document at a time. */
export default async function parseInThread({ bytes, type, limits, started }: ParseTask): Promise<ParseOutcome> {
  started.postMessage({ threadId, cpu: process.threadCpuUsage() } satisfies ParseStarted);
  started.close();
  try {
    return { document: await parseDocument(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type, limits) };
  } catch (error) {
    if (error instanceof DocumentRejected) return { rejection: transferRejection(error) };
    throw error;
  }
}
