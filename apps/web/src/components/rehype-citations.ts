import type { Element, ElementContent, Root, RootContent } from 'hast';

const MARKER = /\[(\d{1,3})\]/g;
const HAS_MARKER = /\[\d{1,3}\]/;
const LEAVE_ALONE = new Set(['a', 'code', 'pre']);

/**
 * Turns each `[n]` in the answer's text into a marker element. It runs after the sanitiser, so
 * the only `button` elements in the tree are these (markdown itself makes none).
 */
export function rehypeCitations() {
  return (tree: Root) => walk(tree);
}

function walk(parent: Root | Element) {
  const out: Array<RootContent | ElementContent> = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      if (!LEAVE_ALONE.has(child.tagName)) walk(child);
      out.push(child);
    } else if (child.type === 'text' && HAS_MARKER.test(child.value)) {
      out.push(...split(child.value));
    } else {
      out.push(child);
    }
  }
  parent.children = out as typeof parent.children;
}

function split(text: string): ElementContent[] {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > last) parts.push({ type: 'text', value: text.slice(last, match.index) });
    parts.push({ type: 'element', tagName: 'button', properties: { dataCitation: match[1] }, children: [] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ type: 'text', value: text.slice(last) });
  return parts;
}

export function citationOf(node: Element | undefined): number | null {
  const value = node?.properties?.dataCitation;
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) ? n : null;
}
