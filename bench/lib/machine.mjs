// Where and on what the figures were measured.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { root } from './product.mjs';

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

export function describeRun() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') ?? 'unknown',
    uncommittedChanges: Boolean(git('status', '--porcelain', '--untracked-files=no', '--', 'apps', 'libs')),
    node: process.version,
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    ramGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()}`,
  };
}
