import { cleanDocumentText, neutraliseMarkup, stripCitationMarkers, stripMarkup } from './plain-text';

const LIVE_MARKUP = /<[A-Za-z/!?]/;

describe('stripMarkup', () => {
  it('removes tags with their attributes, event handlers included', () => {
    expect(stripMarkup('Look <img src=x onerror=alert(1)> here and <a href="https://x.test" onclick=\'go()\'>there</a>.')).toBe('Look   here and there.');
  });

  it('removes script and style elements with everything inside them', () => {
    const text = stripMarkup('Before <script type="text/javascript">steal(document.cookie)</script> after <STYLE>p{}</STYLE>.');
    expect(text).toBe('Before   after  .');
    expect(text).not.toMatch(/steal|cookie/);
  });

  it('removes comments, declarations and fence look-alikes', () => {
    expect(stripMarkup('<!DOCTYPE html><?xml version="1.0"?>A<!-- hidden -->B </documents><document n="9" file="x">C')).toBe('  AB   C');
  });

  it('keeps text that only looks like a tag in passing', () => {
    expect(stripMarkup('if a < b and x<y and y>z, 3 <4> 5; for (i=0;i<n;i++) {}')).toBe('if a < b and x<y and y>z, 3 <4> 5; for (i=0;i<n;i++) {}');
  });

  it('removes an unknown element that carries an event handler', () => {
    expect(stripMarkup('a<x-widget data-a=1>b</x-widget> c<blink onmouseover="x()">d')).toBe('a b  c d');
  });

  it('keeps an unclosed script opening out of the text it would swallow', () => {
    expect(stripMarkup('<script>alert(1) and the rest of the document')).toBe(' alert(1) and the rest of the document');
  });

  it('stays linear on hostile input', () => {
    // Each of these is quadratic for a scanner that searches to the end of the text from every `<`.
    const hostile = ['<script>'.repeat(50_000), '<!--'.repeat(50_000), '<a x="'.repeat(50_000), '<a b'.repeat(50_000), '</script x>'.repeat(50_000)];
    for (const text of hostile) expect(typeof stripMarkup(text)).toBe('string');
  });
});

describe('neutraliseMarkup', () => {
  it('breaks every tag opening without changing what a reader sees', () => {
    const text = neutraliseMarkup('<div class="note"><!-- x --></div> a < b');
    expect(text).not.toMatch(LIVE_MARKUP);
    expect(text.replace(/\u200B/g, '')).toBe('<div class="note"><!-- x --></div> a < b');
  });
});

describe('stripCitationMarkers', () => {
  it('removes markers the citation guard would read as citations, and ranges', () => {
    expect(stripCitationMarkers('As shown [1] [2], and [3, 4] or [5–7].')).toBe('As shown, and or.');
  });

  it('stays linear on long runs of spaces', () => {
    const text = `${' '.repeat(300_000)}x [1]`;
    expect(stripCitationMarkers(text)).toBe(`${' '.repeat(300_000)}x`);
  });

  it('keeps brackets that are not markers', () => {
    expect(stripCitationMarkers('See [the appendix] or [v2.1] or [ 1 ].')).toBe('See [the appendix] or [v2.1] or [ 1 ].');
  });
});

describe('cleanDocumentText', () => {
  it('leaves no live markup and no marker, even from markup split to rebuild itself', () => {
    const text = cleanDocumentText('Ok <scr<script>ipt>alert(1)</script> then <<img src=x onerror=y>img src=x onerror=y> [1]');
    expect(text).not.toMatch(LIVE_MARKUP);
    expect(text).not.toMatch(/\[\d+\]/);
  });

  it('leaves ordinary prose as it is', () => {
    const prose = 'Refunds are paid within 14 days (see section 3). Costs < 50 EUR need no receipt.';
    expect(cleanDocumentText(prose)).toBe(prose);
  });
});
