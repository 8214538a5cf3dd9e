import { Markdown } from '@/components/markdown';
import type { Citation } from '@/lib/api/types';
import { Feedback } from './feedback';
import { revealSource, SourceList } from './source-list';

type Props = {
  messageId: string;
  text: string;
  citations: Citation[];
  live?: boolean;
  rateable?: boolean;
};

/** An assistant answer: sanitised markdown with its [n] markers, then its sources. */
export function Answer({ messageId, text, citations, live, rateable }: Props) {
  const known = new Map(citations.map((c) => [c.n, c]));
  return (
    <>
      <div className={live ? 'answer-text live' : 'answer-text'}>
        <Markdown
          renderCitation={(n) => {
            const citation = known.get(n);
            return (
              <button type="button" className="citation" aria-label={citation ? `Source ${n}: ${citation.filename}` : `Source ${n}`} onClick={() => revealSource(messageId, n)}>
                {n}
              </button>
            );
          }}
        >
          {text}
        </Markdown>
      </div>
      <SourceList messageId={messageId} citations={citations} />
      {rateable && <Feedback messageId={messageId} />}
    </>
  );
}
