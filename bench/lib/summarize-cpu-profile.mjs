// `node bench/lib/summarize-cpu-profile.mjs file.cpuprofile [rows]`: the functions with the most
// self time, and with the most inclusive time (each function counted once per stack).
// `FROM=… TO=…` (seconds since the profile started) narrow it to one phase of the run.
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

const from = Number(process.env.FROM ?? 0) * 1e6;
const to = Number(process.env.TO ?? Infinity) * 1e6;
const hits = new Map();
let at = 0;
let total = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i];
  if (at < from || at > to) return;
  hits.set(id, (hits.get(id) ?? 0) + 1);
  total += 1;
});
const idle = [...hits].filter(([id]) => ['(idle)', '(program)'].includes(nodes.get(id).callFrame.functionName)).reduce((s, [, n]) => s + n, 0);

const nameOf = ({ callFrame: f }) => {
  const where = f.url
    ? f.url
        .replace(/^.*node_modules\//, '')
        .replace(/^.*\/dist\//, 'dist/')
        .replace(/^file:\/\//, '')
    : '';
  return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, n] of hits) {
  const name = nameOf(nodes.get(id));
  self.set(name, (self.get(name) ?? 0) + n);
  const seen = new Set();
  for (let at = id; at !== undefined; at = parent.get(at)) {
    const stackName = nameOf(nodes.get(at));
    if (seen.has(stackName)) continue;
    seen.add(stackName);
    inclusive.set(stackName, (inclusive.get(stackName) ?? 0) + n);
  }
}
const pct = (n) => `${((100 * n) / total).toFixed(1).padStart(5)}%`;
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [name, n] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`${pct(n)}  ${name}`);
};
console.log(`${total} samples, ${pct(idle)} idle/program`);
print('self', self);
print('inclusive', inclusive);
