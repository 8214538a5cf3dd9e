// The scale suite's part of the report: its figures live in bench/results/latest.json beside the
// full run's (a scale run merges into it, a full run keeps them), and it renders as a table of the
// curve, an SVG chart (bench/results/scale.svg) and the notes, in both READMEs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './product.mjs';
import { machineLine } from './report.mjs';
import { lineChart } from './svg-chart.mjs';

const SIZES = [1, 4, 10];
const MARK_START = '<!-- bench:scale:start -->';
const MARK_END = '<!-- bench:scale:end -->';
export const SCALE_CHART = path.join('bench', 'results', 'scale.svg');

/** The rows of the curve, one value per size. */
const ROWS = [
  { name: 'documents', label: 'documents in the corpus', unit: '' },
  { name: 'chunks', label: 'chunks', unit: '' },
  { name: 'ingest.docsPerSecond', label: 'ingestion, the batch that reached this size', unit: 'docs/s' },
  { name: 'search.p50Ms', label: 'search as chat calls it (limit 8, uncached) p50', unit: 'ms' },
  { name: 'search.p95Ms', label: 'search as chat calls it p95', unit: 'ms' },
  { name: 'search.limit100.p95Ms', label: 'search at limit 100 p95', unit: 'ms' },
  { name: 'search.fullTextLeg.p50Ms', label: 'full-text leg alone (24 hits) p50', unit: 'ms' },
  { name: 'search.vectorLeg.p50Ms', label: 'vector leg alone (48 neighbours) p50', unit: 'ms' },
  { name: 'chat.server.p50Ms', label: 'chat first token, 20 paced chats, server time p50', unit: 'ms' },
  { name: 'chat.server.p95Ms', label: 'chat first token, server time p95', unit: 'ms' },
  { name: 'chat.client.p95Ms', label: 'chat first token, client-side p95', unit: 'ms' },
  { name: 'rssMiB.postgres', label: 'PostgreSQL memory (PSS, all processes)', unit: 'MiB' },
  { name: 'rssMiB.chroma', label: 'Chroma resident memory', unit: 'MiB' },
  { name: 'rssMiB.api', label: 'API resident memory (after the chats)', unit: 'MiB' },
  { name: 'rssMiB.worker', label: 'worker resident memory', unit: 'MiB' },
  { name: 'rssMiB.redis', label: 'Redis resident memory', unit: 'MiB' },
  { name: 'diskMiB.postgres', label: 'PostgreSQL on disk', unit: 'MiB' },
  { name: 'diskMiB.chroma', label: 'Chroma on disk', unit: 'MiB' },
  { name: 'diskMiB.blobs', label: 'uploaded files on disk', unit: 'MiB' },
  { name: 'diskMiB.redis', label: 'Redis on disk', unit: 'MiB' },
  { name: 'ndcg10', label: 'nDCG@10, original SciFact test queries', unit: '' },
  { name: 'recall100', label: 'Recall@100, the same', unit: '' },
];

/** The targets, as ratios to 1× within the one run. */
const SCALE_TARGETS = [
  { key: 'scale.10x.search.p95Ratio', label: 'search p95 at 10× / at 1×', op: '<=', value: 2 },
  { key: 'scale.10x.ingest.docsPerSecondRatio', label: 'ingestion documents/s at 10× / at 1×', op: '>=', value: 0.8 },
  { key: 'scale.10x.chat.server.p95Ratio', label: 'server first-token p95 at 10× / at 1×', op: '<=', value: 1.5 },
  { key: 'scale.10x.ndcg10Drop', label: 'nDCG@10 lost from 1× to 10×', op: '<=', value: 0.02 },
];

/** Keys every scale run must produce (the exit code says when one is missing). */
export const REQUIRED_SCALE_KEYS = SIZES.flatMap((n) =>
  [
    'ingest.docsPerSecond',
    'search.p50Ms',
    'search.p95Ms',
    'search.limit100.p95Ms',
    'chat.server.p50Ms',
    'chat.server.p95Ms',
    'rssMiB.postgres',
    'rssMiB.chroma',
    'rssMiB.api',
    'rssMiB.worker',
    'ndcg10',
  ].map((name) => `scale.${n}x.${name}`),
);

const isScaleKey = (key) => key.startsWith('scale.');
const met = ({ op, value }, measured) => (op === '<=' ? measured <= value : measured >= value);
const format = (value, unit) => (value === undefined || value === null ? '—' : `${value.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`);

/** The scale part of latest.json: { figures, unmeasured, notes, run }, or null when it has none. */
export function scaleOf(latest) {
  if (!latest) return null;
  const figures = Object.fromEntries(Object.entries(latest).filter(([key]) => isScaleKey(key)));
  if (Object.keys(figures).length === 0 && !latest.scaleMeta) return null;
  const unmeasured = Object.fromEntries(Object.entries(latest.unmeasured ?? {}).filter(([key]) => isScaleKey(key)));
  return { figures, unmeasured, notes: latest.scaleNotes ?? [], run: latest.scaleMeta };
}

export function readLatest(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Writes the scale part into latest.json, replacing the previous one and keeping everything else. */
export function mergeScale(file, scale) {
  const latest = readLatest(file) ?? { meta: null, unmeasured: {}, notes: [] };
  const kept = Object.fromEntries(Object.entries(latest).filter(([key]) => !isScaleKey(key) && key !== 'scaleMeta' && key !== 'scaleNotes'));
  kept.unmeasured = { ...Object.fromEntries(Object.entries(latest.unmeasured ?? {}).filter(([key]) => !isScaleKey(key))), ...scale.unmeasured };
  writeFileSync(file, `${JSON.stringify({ ...kept, ...scale.figures, scaleMeta: scale.run, scaleNotes: scale.notes }, null, 2)}\n`);
}

/** The scale results of a run (a BenchResults), as mergeScale takes them. */
export function scaleFromRun(run, results) {
  return {
    figures: Object.fromEntries(Object.entries(results.figures).filter(([key]) => isScaleKey(key))),
    unmeasured: Object.fromEntries(Object.entries(results.unmeasured).filter(([key]) => isScaleKey(key))),
    notes: results.notes.filter((note) => note.startsWith('Scale')),
    run,
  };
}

function scaleTable(scale) {
  const value = (n, name) => scale.figures[`scale.${n}x.${name}`];
  const rows = [`| figure | ${SIZES.map((n) => `${n}×`).join(' | ')} | 10× / 1× |`, `|---|${SIZES.map(() => '---:').join('|')}|---:|`];
  for (const row of ROWS) {
    const first = value(SIZES[0], row.name);
    const last = value(SIZES.at(-1), row.name);
    const ratio = first && last !== undefined ? `${(last / first).toFixed(2)}×` : '—';
    rows.push(`| ${row.label} | ${SIZES.map((n) => format(value(n, row.name), row.unit)).join(' | ')} | ${row.name.startsWith('ndcg') || row.name.startsWith('recall') ? '—' : ratio} |`);
  }
  return rows.join('\n');
}

function targetsTable(scale) {
  const rows = ['| target (within the one run) | key | measured | target | verdict |', '|---|---|---|---|---|'];
  for (const target of SCALE_TARGETS) {
    const measured = scale.figures[target.key];
    const verdict = measured === undefined ? `**not measured**: ${scale.unmeasured[target.key] ?? 'not run'}` : met(target, measured) ? 'met' : '**missed**';
    rows.push(`| ${target.label} | \`${target.key}\` | ${format(measured, '')} | ${target.op.replace('<=', '≤').replace('>=', '≥')} ${target.value} | ${verdict} |`);
  }
  return rows.join('\n');
}

/** The curve as ratios to 1×, so figures of every unit share one axis. */
function scaleChart(scale) {
  const ratio = (name) =>
    SIZES.map((n) => {
      const base = scale.figures[`scale.${SIZES[0]}x.${name}`];
      const value = scale.figures[`scale.${n}x.${name}`];
      return base && value !== undefined ? value / base : null;
    });
  return lineChart({
    title: 'Cost as the corpus grows (each figure over its value at 1× SciFact)',
    xLabel: 'corpus size (× SciFact, 5,183 documents each)',
    yLabel: 'ratio to 1×',
    xs: SIZES,
    series: [
      { name: 'search p95 (limit 8)', values: ratio('search.p95Ms') },
      { name: 'search p95 (limit 100)', values: ratio('search.limit100.p95Ms') },
      { name: 'full-text leg p50', values: ratio('search.fullTextLeg.p50Ms'), dash: '5 3' },
      { name: 'vector leg p50', values: ratio('search.vectorLeg.p50Ms'), dash: '5 3' },
      { name: 'chat first token p95', values: ratio('chat.server.p95Ms') },
      { name: 'ingestion docs/s', values: ratio('ingest.docsPerSecond') },
      { name: 'PostgreSQL on disk', values: ratio('diskMiB.postgres'), dash: '2 2' },
      { name: 'Chroma memory', values: ratio('rssMiB.chroma'), dash: '2 2' },
    ],
    guides: [
      { value: 2, label: 'search target ≤ 2' },
      { value: 1.5, label: 'first-token target ≤ 1.5' },
      { value: 0.8, label: 'ingestion target ≥ 0.8' },
    ],
    diagonal: 'linear in the corpus',
  });
}

export function writeScaleChart(scale) {
  writeFileSync(path.join(root, SCALE_CHART), scaleChart(scale));
}

/** The section both READMEs carry; `chartPath` is the chart relative to the README. */
export function scaleSection(scale, { chartPath, analysis }) {
  const when = scale.run ? machineLine(scale.run) : 'not run yet';
  const notes = scale.notes.length ? scale.notes.map((note) => `- ${note}`).join('\n') : '- none';
  return [
    `Run with \`npm run bench -- --only scale\` (${when}).`,
    '',
    targetsTable(scale),
    '',
    scaleTable(scale),
    '',
    `![The cost curve: each figure over its value at 1×](${chartPath})`,
    '',
    analysis.trim(),
    '',
    '<details><summary>Notes from the scale run</summary>',
    '',
    notes,
    '',
    '</details>',
  ].join('\n');
}

/** Replaces the scale section between its markers in the main README, if they are there. */
export function updateMainReadmeScale(scale, analysis) {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(MARK_START);
  const end = readme.indexOf(MARK_END);
  if (start < 0 || end < start) return false;
  const block = `${MARK_START}\n${scaleSection(scale, { chartPath: SCALE_CHART, analysis })}\n${MARK_END}`;
  writeFileSync(file, readme.slice(0, start) + block + readme.slice(end + MARK_END.length));
  return true;
}
