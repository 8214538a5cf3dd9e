import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROMPT_NAMES, PromptFileMissing, PromptLibrary, PromptVariableMissing } from './prompt-library';

const PROJECT_PROMPTS = resolve(__dirname, '../../../../prompts');

describe('PromptLibrary', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'prompts-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('loads every prompt the project ships', () => {
    const library = PromptLibrary.load(PROJECT_PROMPTS);
    for (const name of PROMPT_NAMES) expect(() => library.variablesOf(name)).not.toThrow();
    expect(library.variablesOf('generation-user')).toEqual(['documents', 'question']);
  });

  it('throws naming the missing file', () => {
    writeFileSync(join(directory, 'routing.md'), 'x');
    expect(() => PromptLibrary.load(directory, ['routing', 'planning'])).toThrow(PromptFileMissing);
    expect(() => PromptLibrary.load(directory, ['routing', 'planning'])).toThrow(/planning\.md/);
  });

  it('fills placeholders and leaves JSON braces alone', () => {
    writeFileSync(join(directory, 'routing.md'), 'Q: {question} ({n}) reply {"route": "x"}');
    const library = PromptLibrary.load(directory, ['routing']);
    expect(library.render('routing', { question: 'why?', n: 2 })).toBe('Q: why? (2) reply {"route": "x"}');
  });

  it('throws naming the missing variable', () => {
    writeFileSync(join(directory, 'routing.md'), 'Q: {question}');
    const library = PromptLibrary.load(directory, ['routing']);
    expect(() => library.render('routing', {})).toThrow(PromptVariableMissing);
    expect(() => library.render('routing', {})).toThrow(/"question"/);
  });

  it('does not fill placeholders that appear inside a value', () => {
    writeFileSync(join(directory, 'routing.md'), '{a}|{b}');
    const library = PromptLibrary.load(directory, ['routing']);
    expect(library.render('routing', { a: '{b}', b: 'B' })).toBe('{b}|B');
  });

  it('refuses an unknown prompt name', () => {
    writeFileSync(join(directory, 'routing.md'), 'x');
    expect(() => PromptLibrary.load(directory, ['routing']).render('nope')).toThrow(/unknown prompt "nope"/);
  });
});
