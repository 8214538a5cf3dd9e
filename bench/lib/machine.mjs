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

/** `loadAtStart`: the 1-minute load average when the run began; other work on the machine shows there. */
export function describeRun({ loadAtStart }) {
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
    loadAverage1m: { start: Number(loadAtStart.toFixed(2)), end: Number(os.loadavg()[0].toFixed(2)) },
  };
}
