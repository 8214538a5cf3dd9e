// `npm test`: Jest (unit, integration, e2e), then the browser tests (Playwright in Chromium).
// With arguments (`npm test -- libs/chat`) only Jest runs, with those arguments.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const nodeOptions = [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ');
const jest = run(bin('jest'), args, { NODE_OPTIONS: nodeOptions });
if (jest !== 0 || args.length > 0) process.exit(jest);
process.exit(run(bin('playwright'), ['test', '--config', 'test/web/playwright.config.ts']));
