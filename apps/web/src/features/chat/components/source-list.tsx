import { useState } from 'react';
import { describeError } from '@/lib/api/errors';
import type { Citation } from '@/lib/api/types';
import { downloadFile } from '@/lib/download';

export const sourceAnchor = (messageId: string, n: number) => `source-${messageId}-${n}`;

/** The answer's sources: file name, page and the passage it drew on; each opens its file. */
export function SourceList({ messageId, citations }: { messageId: string; citations: Citation[] }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (citations.length === 0) return null;
  const open = async (citation: Citation) => {
    setProblem(null);
    try {
      await downloadFile(citation.fileId, citation.filename);
    } catch (error) {
      setProblem(`Could not open ${citation.filename}: ${describeError(error)}`);
    }
  };
  return (
    <section className="sources" aria-label="Sources">
      <h3 className="sources-title">Sources</h3>
      <ol>
        {citations.map((citation) => (
          <li key={citation.n} id={sourceAnchor(messageId, citation.n)} className="source" tabIndex={-1}>
            <span className="source-n" aria-hidden="true">
              {citation.n}
            </span>
            <div className="source-body">
              <button type="button" className="link-button source-name" onClick={() => void open(citation)} aria-label={`Open source ${citation.n}: ${citation.filename}`}>
                {citation.filename}
              </button>
              {citation.page != null && <span className="muted small"> · page {citation.page}</span>}
              <p className="snippet">{citation.snippet}</p>
            </div>
          </li>
        ))}
      </ol>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** Brings a source into view and puts the focus on its open button. */
export function revealSource(messageId: string, n: number) {
  const item = document.getElementById(sourceAnchor(messageId, n));
  if (!item) return;
  item.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  item.classList.remove('flash');
  void item.offsetWidth;
  item.classList.add('flash');
  item.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
}
