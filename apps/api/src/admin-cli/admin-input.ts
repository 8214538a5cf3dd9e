import { read } from 'read';
import { parseArgs } from 'node:util';
import { passwordProblem } from '@app/org';

export interface AdminInput {
  email: string;
  displayName: string;
  department: string;
  password: string;
}

export class InputRefused extends Error {}

export const usage = `Creates an administrator and their top-level department (an existing one of that name is used).

  npm run create-admin -- --email <email> --name <display name> --department <name>

Missing values are asked for on a terminal. The password is typed at a hidden prompt, or read
from the first line of stdin when stdin is not a terminal:

  printf '%s\\n' "$ADMIN_PASSWORD" | npm run create-admin -- --email … --name … --department …

It is never taken from the command line, where shell history and the process list would keep it.`;

/** Flags, then prompts on a terminal, then the password: hidden on a terminal, else stdin's first line. */
export async function readAdminInput(argv: string[], stdin: NodeJS.ReadStream = process.stdin): Promise<AdminInput | 'help'> {
  if (argv.some((arg) => /^--?(password|pass|pw)(=|$)/i.test(arg))) {
    throw new InputRefused('The password is never taken from the command line; type it at the prompt or pipe it on stdin (see --help)');
  }
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, department: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new InputRefused(`${(error as Error).message}\n\n${usage}`);
  }
  if (values.help) return 'help';

  const interactive = stdin.isTTY === true;
  const ask = async (flag: string, prompt: string, given: string | undefined) => {
    if (given !== undefined) return given.trim();
    if (!interactive) throw new InputRefused(`--${flag} is required when stdin is not a terminal (see --help)`);
    return (await read({ prompt, input: stdin, output: process.stderr })).trim();
  };
  const email = await ask('email', 'Email: ', values.email);
  const displayName = await ask('name', 'Display name: ', values.name);
  const department = await ask('department', 'Department: ', values.department);
  const password = interactive ? await promptPassword(stdin) : await firstLineOf(stdin);

  const problems = [
    /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? null : 'the email is not an email address',
    displayName.length >= 1 && displayName.length <= 100 ? null : 'the display name must be 1 to 100 characters',
    department.length >= 1 && department.length <= 100 ? null : 'the department name must be 1 to 100 characters',
    passwordProblem(password) && `the password ${passwordProblem(password)}`,
  ].filter((problem): problem is string => Boolean(problem));
  if (problems.length) throw new InputRefused(`Refused: ${problems.join('; ')}. Nothing was changed.`);
  return { email, displayName, department, password };
}

async function promptPassword(stdin: NodeJS.ReadStream): Promise<string> {
  const prompt = (text: string) => read({ prompt: text, silent: true, input: stdin, output: process.stderr });
  const password = await prompt('Password (at least 12 characters): ');
  if ((await prompt('Repeat the password: ')) !== password) throw new InputRefused('The passwords differ. Nothing was changed.');
  return password;
}

async function firstLineOf(stdin: NodeJS.ReadStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += chunk;
    if (text.includes('\n')) break;
  }
  const line = text.split(/\r?\n/)[0];
  if (!line) throw new InputRefused('No password on stdin: pipe it as the first line (see --help)');
  return line;
}
