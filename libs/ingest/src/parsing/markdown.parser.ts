import { Lexer, type Token, type Tokens } from 'marked';
import { neutraliseMarkup } from '@app/kernel';
import type { ParsedDocument } from '../domain/parsed-document';
import { collectHtml } from './html.parser';
import { SectionCollector } from './section-collector';

// YAML (---) or TOML (+++) metadata at the very top; marked would read it as a rule and a heading.
const FRONT_MATTER = /^(?:---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n[\s\S]*?\r?\n\+\+\+)[ \t]*(?:\r?\n|$)/;

export function parseMarkdown(markdown: string, maxTextChars: number): ParsedDocument {
  const collector = new SectionCollector(maxTextChars);
  const body = markdown.replace(/^\uFEFF/, '').replace(FRONT_MATTER, '');
  collectBlocks(new Lexer({ gfm: true }).lex(body), collector);
  return { pageCount: null, sections: collector.finish() };
}

function collectBlocks(tokens: Token[], collector: SectionCollector): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        collector.heading((token as Tokens.Heading).depth, inlineText(token.tokens ?? []));
        break;
      case 'code': // literal text: markup in it is shown, never stripped, but made inert
        collector.paragraph(neutraliseMarkup((token as Tokens.Code).text));
        break;
      case 'html':
        collectHtml((token as Tokens.HTML).text, collector);
        break;
      case 'blockquote':
        collectBlocks((token as Tokens.Blockquote).tokens, collector);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) collectBlocks(item.tokens, collector);
        break;
      case 'table':
        collectTable(token as Tokens.Table, collector);
        break;
      case 'paragraph':
      case 'text':
        collector.paragraph(token.tokens ? inlineText(token.tokens) : String(token.text ?? ''));
        break;
      default:
        break; // space, hr, def: no text of their own
    }
  }
}

function collectTable(table: Tokens.Table, collector: SectionCollector): void {
  for (const row of [table.header, ...table.rows]) {
    collector.paragraph(row.map((cell) => inlineText(cell.tokens)).join(' | '));
  }
}

function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'html':
          return ''; // inline tags carry no text; the text between them is its own token
        case 'image':
          return (token as Tokens.Image).text;
        case 'codespan':
          return neutraliseMarkup(String(token.text));
        case 'escape':
          return String(token.text);
        default: {
          const generic = token as Tokens.Generic;
          return generic.tokens ? inlineText(generic.tokens) : String(generic.text ?? '');
        }
      }
    })
    .join('');
}
