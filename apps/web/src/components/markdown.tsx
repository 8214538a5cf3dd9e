import type { ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { rehypeCitations, citationOf } from './rehype-citations';

const SAFE_PROTOCOLS = ['http', 'https', 'mailto'];

// No raw HTML reaches the tree (react-markdown escapes it without rehype-raw); the sanitiser
// still runs on what markdown itself builds, with images dropped (they would load from anywhere)
// and links limited to http, https and mailto.
const schema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== 'img'),
  protocols: { ...defaultSchema.protocols, href: SAFE_PROTOCOLS },
};

export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return SAFE_PROTOCOLS.includes(parsed.protocol.slice(0, -1)) ? parsed.href : '';
  } catch {
    return '';
  }
}

type Props = {
  children: string;
  /** Renders each `[n]` marker; without it markers stay text. */
  renderCitation?: (n: number) => ReactNode;
};

/** Untrusted text (answers, snippets) as sanitised markdown. */
export function Markdown({ children, renderCitation }: Props) {
  const components: Components = {
    a: ({ href, children: text }) =>
      href ? (
        <a href={href} target="_blank" rel="noopener noreferrer nofollow">
          {text}
        </a>
      ) : (
        <span>{text}</span>
      ),
    button: ({ node }) => {
      const n = citationOf(node);
      return n != null && renderCitation ? renderCitation(n) : <span>[{n}]</span>;
    },
  };
  return (
    <div className="markdown">
      <ReactMarkdown rehypePlugins={[[rehypeSanitize, schema], rehypeCitations]} urlTransform={safeUrl} components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
