import type { FileRecord } from '@/lib/api/types';

const STAGES: Record<string, string> = { parsing: 'Reading', chunking: 'Splitting', embedding: 'Embedding', indexing: 'Indexing' };

/** queued → processing (stage, progress) → ready, or failed with the reason. */
export function FileStatus({ file }: { file: Pick<FileRecord, 'status' | 'stage' | 'progress' | 'error'> }) {
  if (file.status === 'processing') {
    const percent = Math.round((file.progress ?? 0) * 100);
    return <span className="status processing">{file.stage ? `${STAGES[file.stage] ?? file.stage} · ${percent}%` : `Processing · ${percent}%`}</span>;
  }
  if (file.status === 'failed') return <span className="status failed">Failed{file.error ? `: ${file.error.message}` : ''}</span>;
  if (file.status === 'queued') return <span className="status queued">Queued</span>;
  return <span className="status ready">Ready</span>;
}
