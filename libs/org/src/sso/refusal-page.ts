import { STATUS_CODES } from 'node:http';
import type { DomainError } from '@app/kernel';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page a browser lands on when single sign-on ends without a session: what happened, in
 * words a person can act on, the code and request id to quote, and the ways back. No script
 * (the Content-Security-Policy allows none inline); inline style only.
 */
export function refusalPage(error: DomainError, status: number, requestId: string, links: { retry: string; home: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in refused</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1f2328; }
  h1 { font-size: 1.5rem; }
  p.meta { color: #59636e; font-size: 0.875rem; }
  a { color: #0969da; }
</style>
</head>
<body>
<main>
<h1>Sign-in refused</h1>
<p role="alert">${escape(error.message)}</p>
<p class="meta">${status} ${escape(STATUS_CODES[status] ?? '')} · code <code>${escape(error.code)}</code> · request <code>${escape(requestId)}</code></p>
<p><a href="${escape(links.retry)}">Try signing in again</a> · <a href="${escape(links.home)}">Back to the sign-in page</a></p>
</main>
</body>
</html>
`;
}
