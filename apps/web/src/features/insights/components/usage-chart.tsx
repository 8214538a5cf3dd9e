import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** A CSS custom property of the app's palette, so the chart follows light and dark. */
  colorVar: string;
  values: number[];
}

const HEIGHT = 260;
const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || 'currentColor';

/**
 * Lines over UTC days. The canvas says nothing to a screen reader: the figure carries a label
 * and the page shows the same figures in a table.
 */
export function UsageChart({ days, series, label }: { days: string[]; series: ChartSeries[]; label: string }) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const muted = cssVar('--muted');
    const grid = cssVar('--border');
    const axis = { stroke: muted, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const chart = new uPlot(
      {
        width: element.clientWidth || 640,
        height: HEIGHT,
        legend: { show: false },
        // Days are UTC days, whatever the browser's time zone.
        tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
        axes: [axis, { ...axis, values: (_u, ticks) => ticks.map((tick) => (Number.isInteger(tick) ? String(tick) : '')) }],
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: cssVar(s.colorVar), width: 2, points: { show: days.length <= 45 } }))],
      },
      [days.map((day) => Date.parse(`${day}T00:00:00Z`) / 1000), ...series.map((s) => s.values)],
      element,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series]);

  return (
    <figure className="usage-chart">
      <div ref={host} role="img" aria-label={label} />
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.label}>
              <span className="swatch" style={{ background: `var(${s.colorVar})` }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
