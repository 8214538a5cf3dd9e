import { useMemo, useState } from 'react';
import { formatCount } from '@/components/format';
import { Loading, Notice } from '@/components/notice';
import { describeError } from '@/lib/api/errors';
import type { UsageReport, UsageRow } from '@/lib/api/types';
import { useUsage, type UsageRange } from '../api/insights';
import { UsageChart, type ChartSeries } from './usage-chart';

const DAY_MS = 86_400_000;
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

function lastDays(count: number): UsageRange {
  const now = Date.now();
  return { from: dayOf(now - (count - 1) * DAY_MS), to: dayOf(now) };
}

/** Every UTC day from `from` to `to`, both included. */
function daysOf({ from, to }: UsageRange): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) days.push(dayOf(t));
  return days;
}

const ENDINGS = [
  { key: 'complete', label: 'Complete', colorVar: '--accent' },
  { key: 'stopped', label: 'Stopped', colorVar: '--warn' },
  { key: 'interrupted', label: 'Interrupted', colorVar: '--muted' },
  { key: 'failed', label: 'Failed', colorVar: '--danger' },
] as const;

/** The server's limit on a range, checked here so a half-typed range asks nothing. */
const MAX_DAYS = 366;

function problemOf({ from, to }: UsageRange): string | null {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (Number.isNaN(days)) return 'Choose both days.';
  if (days < 1) return '“From” must not be after “To”.';
  return days > MAX_DAYS ? `A range holds at most ${MAX_DAYS} days.` : null;
}

const answersOf = (row: Pick<UsageRow, 'answers'>) => ENDINGS.reduce((sum, e) => sum + row.answers[e.key], 0);

/** Usage: chats, answers by how they ended and tokens, per day and department, with a chart over time. */
export function UsagePage() {
  const [range, setRange] = useState<UsageRange>(() => lastDays(30));
  const [departmentId, setDepartmentId] = useState('');
  const problem = problemOf(range);
  const usage = useUsage(range, problem === null);
  const report = usage.data;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Usage</h1>
          <p className="muted">Chats, answers and tokens per day (UTC) and department.</p>
        </div>
      </header>
      <section className="card" aria-labelledby="usage-range-title">
        <h2 id="usage-range-title" className="visually-hidden">
          Range
        </h2>
        <div className="filters">
          <label className="field">
            <span>From</span>
            <input type="date" required value={range.from} max={range.to} onChange={(e) => e.target.value && setRange({ ...range, from: e.target.value })} />
          </label>
          <label className="field">
            <span>To</span>
            <input type="date" required value={range.to} min={range.from} onChange={(e) => e.target.value && setRange({ ...range, to: e.target.value })} />
          </label>
          <div className="row-actions">
            <button type="button" className="button small" onClick={() => setRange(lastDays(7))}>
              Last 7 days
            </button>
            <button type="button" className="button small" onClick={() => setRange(lastDays(30))}>
              Last 30 days
            </button>
            <button type="button" className="button small" onClick={() => setRange(lastDays(365))}>
              Last year
            </button>
          </div>
          {report && (
            <label className="field">
              <span>Department</span>
              <select value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
                <option value="">All departments</option>
                {departmentsOf(report.rows).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {problem && <Notice>{problem}</Notice>}
        {!problem && usage.isPending && <Loading label="Loading usage…" />}
        {usage.isError && (
          <Notice
            action={
              <button type="button" className="button small" onClick={() => void usage.refetch()}>
                Try again
              </button>
            }
          >
            Could not load the usage. {describeError(usage.error)}
          </Notice>
        )}
      </section>
      {report && <UsageReportView report={report} departmentId={departmentId} />}
    </div>
  );
}

function departmentsOf(rows: UsageRow[]) {
  const seen = new Map(rows.map((row) => [row.department.id, row.department]));
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function UsageReportView({ report, departmentId }: { report: UsageReport; departmentId: string }) {
  const rows = useMemo(() => (departmentId ? report.rows.filter((row) => row.department.id === departmentId) : report.rows), [report, departmentId]);
  const days = useMemo(() => daysOf(report), [report]);
  const series = useMemo<ChartSeries[]>(() => {
    const index = new Map(days.map((day, i) => [day, i]));
    return ENDINGS.map((ending) => {
      const values = days.map(() => 0);
      for (const row of rows) values[index.get(row.day) ?? 0] += row.answers[ending.key];
      return { label: `${ending.label} answers`, colorVar: ending.colorVar, values };
    });
  }, [days, rows]);
  const totals = rows.reduce(
    (sum, row) => ({
      conversations: sum.conversations + row.conversations,
      answers: sum.answers + answersOf(row),
      inputTokens: sum.inputTokens + row.inputTokens,
      outputTokens: sum.outputTokens + row.outputTokens,
      unmetered: sum.unmetered + row.answersWithoutUsage,
    }),
    { conversations: 0, answers: 0, inputTokens: 0, outputTokens: 0, unmetered: 0 },
  );

  return (
    <>
      <section className="card" aria-labelledby="usage-totals-title">
        <h2 id="usage-totals-title">
          {report.from} to {report.to}
        </h2>
        <dl className="usage-totals">
          <div>
            <dt>Chats started</dt>
            <dd>{formatCount(totals.conversations)}</dd>
          </div>
          <div>
            <dt>Answers</dt>
            <dd>{formatCount(totals.answers)}</dd>
          </div>
          <div>
            <dt>Tokens in</dt>
            <dd>{formatCount(totals.inputTokens)}</dd>
          </div>
          <div>
            <dt>Tokens out</dt>
            <dd>{formatCount(totals.outputTokens)}</dd>
          </div>
        </dl>
        {totals.unmetered > 0 && (
          <p className="muted small">
            {formatCount(totals.unmetered)} {totals.unmetered === 1 ? 'answer carries' : 'answers carry'} no token counts (cut short before the model reported them, or a model that reports none).
          </p>
        )}
        <h3>Answers per day</h3>
        <UsageChart days={days} series={series} label={`Answers per day by how they ended, ${report.from} to ${report.to}. The table below holds the same figures.`} />
      </section>
      <section className="card" aria-labelledby="usage-table-title">
        <h2 id="usage-table-title">By day and department</h2>
        {rows.length === 0 ? (
          <p className="muted">No chats in this range.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Department</th>
                  <th scope="col">Chats</th>
                  {ENDINGS.map((e) => (
                    <th scope="col" key={e.key}>
                      {e.label}
                    </th>
                  ))}
                  <th scope="col">Tokens in</th>
                  <th scope="col">Tokens out</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.day}|${row.department.id}`}>
                    <td>{row.day}</td>
                    <td>{row.department.name}</td>
                    <td>{formatCount(row.conversations)}</td>
                    {ENDINGS.map((e) => (
                      <td key={e.key}>{formatCount(row.answers[e.key])}</td>
                    ))}
                    <td>{formatCount(row.inputTokens)}</td>
                    <td>{formatCount(row.outputTokens)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
