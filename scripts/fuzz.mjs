// `npm run fuzz -- [--runs N] [--seed S] [--only "POST /api/v1/chat"] [--path P]`: the fuzz suite
// of test/e2e/fuzz.e2e-spec.ts with a larger (or another) sample, against the same throw-away
// PostgreSQL, Redis and Chroma the tests use. `--runs` is cases per operation; a failure prints
// the seed, the shrunk counterexample and the `--only`/`--path` that replay it. Prints, per
// operation, what its cases were answered.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { runs: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' }, path: { type: 'string' } },
});
for (const name of ['runs', 'seed']) {
  if (args[name] !== undefined && !/^-?\d+$/.test(args[name])) {
    console.error(`--${name} must be an integer, got ${JSON.stringify(args[name])}`);
    process.exit(2);
  }
}

const root = path.resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  FUZZ_REPORT: '1',
  ...(args.runs !== undefined ? { FUZZ_RUNS: args.runs } : {}),
  ...(args.seed !== undefined ? { FUZZ_SEED: args.seed } : {}),
  ...(args.only !== undefined ? { FUZZ_ONLY: args.only } : {}),
  ...(args.path !== undefined ? { FUZZ_PATH: args.path } : {}),
};
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const run = spawnSync(process.execPath, [jest, '--runTestsByPath', path.join('test', 'e2e', 'fuzz.e2e-spec.ts')], { cwd: root, env, stdio: 'inherit' });
process.exit(run.status ?? 1);
