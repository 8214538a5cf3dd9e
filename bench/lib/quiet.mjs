// Waits until the machine's CPUs are nearly idle, so that a suite measures the product and not
// the upkeep a bulk load leaves behind for a while (autovacuum, Chroma's compaction).
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

function cpuTimes() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const idle = ticks[3] + (ticks[4] ?? 0); // idle + iowait
  return { idle, total: ticks.reduce((sum, t) => sum + t, 0) };
}

/** Resolves with the seconds waited once the CPUs were busy under `busyBelow` for `quietSeconds` in a row, or after `maxSeconds`. */
export async function waitForQuiet({ busyBelow = 0.1, quietSeconds = 3, maxSeconds = 180 } = {}) {
  const started = Date.now();
  let quietFor = 0;
  let before = cpuTimes();
  while (quietFor < quietSeconds && Date.now() - started < maxSeconds * 1000) {
    await sleep(1000);
    const now = cpuTimes();
    const busy = 1 - (now.idle - before.idle) / Math.max(1, now.total - before.total);
    quietFor = busy < busyBelow ? quietFor + 1 : 0;
    before = now;
  }
  return { seconds: Math.round((Date.now() - started) / 1000), quiet: quietFor >= quietSeconds };
}
