import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * A folder laid out as the runtime image is: what the Dockerfile's `COPY --from=build` lines
 * put there, with dist/ compiled into it (swc, about a second) and node_modules linked, so a
 * test runs the same commands an operator runs in the container, from its working directory.
 */
export async function layOutDeployment(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const copies = [...readFileSync(path.join(root, 'Dockerfile'), 'utf8').matchAll(/^COPY --from=build (?:--chown=\S+ )?\/app\/(\S+) \.\/(\S+)$/gm)];
  if (copies.length === 0) throw new Error('no COPY --from=build lines in the Dockerfile');
  for (const [, from, to] of copies) {
    const target = path.join(dir, to);
    mkdirSync(path.dirname(target), { recursive: true });
    if (from === 'node_modules') symlinkSync(path.join(root, 'node_modules'), target, 'dir');
    else if (from === 'dist') await compileInto(target);
    else cpSync(path.join(root, from), target, { recursive: true });
  }
}

async function compileInto(distDir: string): Promise<void> {
  const swc = path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  await promisify(execFile)(process.execPath, [swc, 'apps', 'libs', '-d', distDir, '--config-file', '.swcrc', '--quiet'], { cwd: root });
}
