// What the product's own processes use, read from /proc (Linux): memory, CPU time, disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux the bench runs on

function statFields(pid) {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses; the fields after it are fixed.
  return text.slice(text.lastIndexOf(')') + 2).split(' ');
}

/** The process and every process below it (PostgreSQL forks one per connection). */
export function processTree(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const parent = Number(statFields(entry)[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Resident memory of a set of processes in MiB: `pss` shares each page among the processes that
 * map it (PostgreSQL's shared buffers count once across its backends), `rss` counts it in each.
 */
export function memoryMiB(pids) {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += Number(/^Rss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
      pss += Number(/^Pss:\s+(\d+)/m.exec(rollup)?.[1] ?? 0);
    } catch {
      // gone meanwhile
    }
  }
  return { rss: Math.round(rss / 1024), pss: Math.round(pss / 1024) };
}

/** CPU seconds (user + system) the processes have used so far. */
export function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = statFields(pid);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / TICKS_PER_SECOND;
}

/** Bytes on disk under a folder (allocated blocks, as du counts them), in MiB. */
export function diskMiB(dir) {
  let blocks = 0;
  const walk = (current) => {
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      try {
        if (entry.isDirectory()) walk(full);
        else blocks += statSync(full).blocks;
      } catch {
        // removed meanwhile
      }
    }
  };
  walk(dir);
  return Math.round((blocks * 512) / 1024 ** 2);
}

/**
 * Waits until the given processes (a function, so forks are followed) use less than `busyBelow`
 * of one core for `quietSeconds` in a row, or `maxSeconds` passed. Unlike a machine-wide idle
 * check this holds up on a machine other work keeps busy: it waits for the product's own upkeep
 * (autovacuum, Chroma's compaction, the worker's analyze) and nothing else.
 */
export async function waitForProcessesQuiet(pidsOf, { busyBelow = 0.05, quietSeconds = 3, maxSeconds = 300 } = {}) {
  const started = Date.now();
  let quietFor = 0;
  let before = cpuSeconds(pidsOf());
  while (quietFor < quietSeconds && Date.now() - started < maxSeconds * 1000) {
    await sleep(1000);
    const now = cpuSeconds(pidsOf());
    quietFor = now - before < busyBelow ? quietFor + 1 : 0;
    before = now;
  }
  return { seconds: Math.round((Date.now() - started) / 1000), quiet: quietFor >= quietSeconds };
}
