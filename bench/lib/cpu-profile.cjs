// Preload for profiling a product process under bench load:
//   BENCH_API_NODE_OPTIONS="--require ./bench/lib/cpu-profile.cjs" BENCH_CPU_PROFILE_DIR=/tmp/prof npm run bench -- --only chat
// Node's own --cpu-prof writes nothing when the process ends by SIGTERM (as the bench stops it),
// so this profiles through the inspector and writes the profile before shutdown starts.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = process.env.BENCH_CPU_PROFILE_DIR ?? process.cwd();
const session = new Session();
session.connect();
session.post('Profiler.setSamplingInterval', { interval: Number(process.env.BENCH_CPU_PROFILE_INTERVAL_US ?? 1000) });
session.post('Profiler.enable', () => session.post('Profiler.start'));

process.once('SIGTERM', () => {
  session.post('Profiler.stop', (error, result) => {
    if (error) return console.error(`cpu profile: ${error.message}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${path.basename(process.argv[1], '.js')}-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(result.profile));
    console.error(`cpu profile written to ${file}`);
  });
});
