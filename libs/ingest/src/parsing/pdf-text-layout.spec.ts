import { layoutPageText, type PositionedText } from './pdf-text-layout';

const item = (str: string, x: number, y: number, width: number, hasEOL = false): PositionedText => ({
  str,
  hasEOL,
  transform: [10, 0, 0, 10, x, y],
  width,
  height: 10,
});

describe('layoutPageText', () => {
  it('puts a space between items separated by a visible gap but not between touching ones', () => {
    expect(layoutPageText([item('Know', 0, 700, 20), item('ledge', 20, 700, 25), item('base', 50, 700, 20)])).toBe('Knowledge base');
  });

  it('starts a new line when the baseline moves even without an end-of-line flag', () => {
    expect(layoutPageText([item('first', 0, 700, 20), item('second', 0, 688, 30)])).toBe('first second');
  });

  it('starts a paragraph at a large vertical gap and mends hyphenated words', () => {
    const text = layoutPageText([item('an exam-', 0, 700, 40, true), item('ple here', 0, 688, 40, true), item('New paragraph', 0, 650, 60)]);
    expect(text).toBe('an example here\n\nNew paragraph');
  });
});
