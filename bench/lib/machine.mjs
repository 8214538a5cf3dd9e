// Where and on what the figures were measured.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { root } from './product.mjs';

const git = (...args) => {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

/**
 * The machine's CPU time so far, from /proc/stat (Linux only; null elsewhere): `steal` is the time
 * a virtual machine's CPUs were ready but the hypervisor ran someone else.
 */
export function cpuTimes() {
  try {
    const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { total: user + nice + system + idle + iowait + irq + softirq + steal, steal };
  } catch {
    return null;
  }
}

/**
 * `loadAtStart`: the 1-minute load average when the run began; other work on the machine shows
 * there. `cpuAtStart`: `cpuTimes()` then; a VM whose hypervisor is busy shows as steal.
 */
export function describeRun({ loadAtStart, cpuAtStart }) {
  const cpuNow = cpuTimes();
  const stealPercent = cpuAtStart && cpuNow ? (100 * (cpuNow.steal - cpuAtStart.steal)) / Math.max(cpuNow.total - cpuAtStart.total, 1) : null;
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
    cpuStealPercent: stealPercent === null ? null : Number(stealPercent.toFixed(1)),
  };
}
