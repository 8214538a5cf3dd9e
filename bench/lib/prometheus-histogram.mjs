// Reads one histogram out of Prometheus text and estimates quantiles of what it observed
// between two scrapes, the way PromQL's histogram_quantile interpolates within a bucket.

export function readHistogram(text, name) {
  const buckets = new Map();
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name}_bucket{`)) {
      const le = /le="([^"]+)"/.exec(line)?.[1];
      const value = Number(line.slice(line.lastIndexOf(' ') + 1));
      if (le === undefined) continue;
      const bound = le === '+Inf' ? Infinity : Number(le);
      buckets.set(bound, (buckets.get(bound) ?? 0) + value);
    } else if (line.startsWith(`${name}_count`)) {
      count += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return { buckets: [...buckets.entries()].sort((a, b) => a[0] - b[0]), count };
}

export function histogramDelta(before, after) {
  const previous = new Map(before.buckets);
  return { buckets: after.buckets.map(([le, value]) => [le, value - (previous.get(le) ?? 0)]), count: after.count - before.count };
}

/** Quantile q (0..1) in the histogram's unit, or null when it saw nothing. */
export function histogramQuantile(histogram, q) {
  const total = histogram.count;
  if (!total) return null;
  const target = q * total;
  let lowerBound = 0;
  let lowerCount = 0;
  for (const [le, cumulative] of histogram.buckets) {
    if (cumulative >= target) {
      if (le === Infinity) return lowerBound;
      const inBucket = cumulative - lowerCount;
      return inBucket === 0 ? le : lowerBound + ((le - lowerBound) * (target - lowerCount)) / inBucket;
    }
    lowerBound = le;
    lowerCount = cumulative;
  }
  return lowerBound;
}

/** Mean of each series of a histogram, by the value of one label: Map(label value → mean). */
export function histogramMeansBy(text, name, label) {
  const series = new Map();
  for (const line of text.split('\n')) {
    const kind = line.startsWith(`${name}_sum{`) ? 'sum' : line.startsWith(`${name}_count{`) ? 'count' : null;
    if (!kind) continue;
    const key = new RegExp(`${label}="([^"]*)"`).exec(line)?.[1];
    if (key === undefined) continue;
    const entry = series.get(key) ?? { sum: 0, count: 0 };
    entry[kind] += Number(line.slice(line.lastIndexOf(' ') + 1));
    series.set(key, entry);
  }
  return new Map([...series].filter(([, s]) => s.count > 0).map(([key, s]) => [key, s.sum / s.count]));
}
