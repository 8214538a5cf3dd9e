import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every prompt the agent uses; each is `<name>.md` in the prompts directory. */
export const PROMPT_NAMES = ['routing', 'planning', 'evaluation', 'refinement', 'generation-system', 'generation-user', 'react-system'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

// Only {identifier} is a placeholder, so JSON examples such as {"route": …} pass through untouched.
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export class PromptFileMissing extends Error {
  constructor(readonly path: string) {
    super(`prompt file missing: ${path}`);
    this.name = 'PromptFileMissing';
  }
}

export class PromptVariableMissing extends Error {
  constructor(
    readonly prompt: string,
    readonly variable: string,
  ) {
    super(`prompt "${prompt}" needs variable "${variable}"`);
    this.name = 'PromptVariableMissing';
  }
}

/** The prompt templates, read once at start-up so a missing file stops the process early. */
export class PromptLibrary {
  private constructor(private readonly templates: ReadonlyMap<string, string>) {}

  static load(directory: string, names: readonly string[] = PROMPT_NAMES): PromptLibrary {
    const templates = new Map<string, string>();
    for (const name of names) {
      const path = join(directory, `${name}.md`);
      try {
        templates.set(name, readFileSync(path, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PromptFileMissing(path);
        throw error;
      }
    }
    return new PromptLibrary(templates);
  }

  /** The placeholders a prompt expects, in order of first use. */
  variablesOf(name: PromptName | string): string[] {
    return [...new Set([...this.template(name).matchAll(PLACEHOLDER)].map((m) => m[1]))];
  }

  /** Fills every placeholder in one pass, so a value containing `{x}` is never filled again. */
  render(name: PromptName | string, variables: Readonly<Record<string, string | number>> = {}): string {
    return this.template(name).replace(PLACEHOLDER, (_, variable: string) => {
      const value = variables[variable];
      if (value === undefined) throw new PromptVariableMissing(name, variable);
      return String(value);
    });
  }

  private template(name: string): string {
    const template = this.templates.get(name);
    if (template === undefined) throw new RangeError(`unknown prompt "${name}"`);
    return template;
  }
}
