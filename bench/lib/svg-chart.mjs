// A line chart as plain SVG text: the scale suite's curve, drawn by the bench itself so the
// README's picture always matches latest.json. No dependency: a few axes, lines and labels.

const WIDTH = 760;
const HEIGHT = 420;
const MARGIN = { top: 48, right: 230, bottom: 52, left: 64 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#17becf', '#7f7f7f'];

const escape = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fixed = (value) => Number(value.toFixed(1));

/** Round steps for an axis from 0 to at least `max`. */
function ticks(max) {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough);
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) => Number((i * step).toPrecision(6)));
}

/**
 * `xs`: the x values (e.g. corpus sizes); `series`: [{ name, values (one per x, null for a gap),
 * dash? }]; `guides`: horizontal reference lines [{ value, label }]; `diagonal`: draw y = x.
 */
export function lineChart({ title, xLabel, yLabel, xs, series, guides = [], diagonal = null }) {
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const values = series.flatMap((s) => s.values.filter((v) => v !== null && Number.isFinite(v)));
  const yTicks = ticks(Math.max(...values, ...guides.map((g) => g.value), diagonal ? Math.max(...xs) : 0, 1));
  const xTicks = ticks(Math.max(...xs));
  const x = (value) => MARGIN.left + (value / xTicks.at(-1)) * plotWidth;
  const y = (value) => MARGIN.top + plotHeight - (value / yTicks.at(-1)) * plotHeight;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escape(title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escape(title)}</text>`,
  ];
  for (const tick of yTicks) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fixed(y(tick))}" y2="${fixed(y(tick))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${fixed(y(tick) + 4)}" text-anchor="end">${tick}</text>`);
  }
  for (const tick of xTicks) {
    parts.push(`<line x1="${fixed(x(tick))}" x2="${fixed(x(tick))}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight + 5}" stroke="#333"/>`);
    parts.push(`<text x="${fixed(x(tick))}" y="${MARGIN.top + plotHeight + 19}" text-anchor="middle">${tick}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left}" y1="${MARGIN.top}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${MARGIN.top + plotHeight}" y2="${MARGIN.top + plotHeight}" stroke="#333"/>`);
  parts.push(`<text x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 12}" text-anchor="middle">${escape(xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${MARGIN.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(yLabel)}</text>`);
  if (diagonal) {
    const end = Math.min(xTicks.at(-1), yTicks.at(-1));
    parts.push(`<line x1="${fixed(x(0))}" y1="${fixed(y(0))}" x2="${fixed(x(end))}" y2="${fixed(y(end))}" stroke="#999" stroke-dasharray="2 4"/>`);
    parts.push(`<text x="${fixed(x(end) - 4)}" y="${fixed(y(end) + 14)}" text-anchor="end" fill="#777">${escape(diagonal)}</text>`);
  }
  for (const guide of guides) {
    parts.push(`<line x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${fixed(y(guide.value))}" y2="${fixed(y(guide.value))}" stroke="#999" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${MARGIN.left + plotWidth - 4}" y="${fixed(y(guide.value) - 4)}" text-anchor="end" fill="#777">${escape(guide.label)}</text>`);
  }
  series.forEach((s, i) => {
    const color = s.color ?? COLORS[i % COLORS.length];
    const points = xs.map((xv, j) => [xv, s.values[j]]).filter(([, v]) => v !== null && Number.isFinite(v));
    if (points.length === 0) return;
    const d = points.map(([xv, v], j) => `${j ? 'L' : 'M'}${fixed(x(xv))},${fixed(y(v))}`).join(' ');
    parts.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    for (const [xv, v] of points) parts.push(`<circle cx="${fixed(x(xv))}" cy="${fixed(y(v))}" r="3.5" fill="${color}"/>`);
    const legendY = MARGIN.top + 8 + i * 20;
    const legendX = MARGIN.left + plotWidth + 16;
    parts.push(`<line x1="${legendX}" x2="${legendX + 22}" y1="${legendY}" y2="${legendY}" stroke="${color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${legendX + 28}" y="${legendY + 4}">${escape(s.name)}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
