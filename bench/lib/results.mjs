// Collects the figures of one run, the ones that could not be measured and why, and notes.
export class BenchResults {
  figures = {};
  unmeasured = {};
  notes = [];

  set(key, value) {
    if (value === null || value === undefined || Number.isNaN(value)) this.unmeasured[key] ??= 'no value was produced';
    else this.figures[key] = value;
  }

  setAll(prefix, values) {
    for (const [name, value] of Object.entries(values)) this.set(`${prefix}.${name}`, value);
  }

  fail(keys, reason) {
    for (const key of keys) if (!(key in this.figures)) this.unmeasured[key] = reason;
  }

  note(text) {
    this.notes.push(text);
  }

  /** The results a run wrote to latest.json, to render its report again. */
  static fromJson({ meta, unmeasured = {}, notes = [], ...figures }) {
    const results = new BenchResults();
    Object.assign(results.figures, figures);
    Object.assign(results.unmeasured, unmeasured);
    results.notes.push(...notes);
    return { results, run: meta, suites: meta.suites };
  }
}
