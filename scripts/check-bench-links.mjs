// Part of `npm run lint`: loads every bench module so an import of a name that a module no longer
// exports fails here, not at the start of a 20-minute `npm run bench`. The bench is plain .mjs,
// which neither the type-check nor knip reads for missing named exports.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
// Entry scripts run on import; knip.jsonc lists them as entries and they import nothing of the bench.
const entryScripts = new Set(['bench/lib/summarize-cpu-profile.mjs']);

const failures = [];
for (const dir of ['bench/lib', 'bench/suites', 'bench/answers']) {
  for (const file of readdirSync(path.join(root, dir)).filter((name) => name.endsWith('.mjs'))) {
    const relative = `${dir}/${file}`;
    if (entryScripts.has(relative)) continue;
    try {
      await import(pathToFileURL(path.join(root, relative)).href);
    } catch (error) {
      failures.push(`${relative}: ${error.message}`);
    }
  }
}
if (failures.length > 0) {
  console.error(`bench modules that do not load:\n${failures.join('\n')}`);
  process.exit(1);
}
