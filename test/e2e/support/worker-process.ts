import { randomBytes } from 'node:crypto';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '..', '..', '..');
// Its own folder, not dist/: `npm run dev` or a benchmark may be running the worker from dist/
// while this test rebuilds, and a file rewritten under a starting process breaks it.
const buildDir = path.join(root, 'dist', 'e2e-worker');
const READY_LINE = 'Ingestion worker running';

/** Compiles apps and libs with swc (about a second), so the test never depends on a stale `npm run build`. */
export async function buildWorker(): Promise<string> {
  const swc = path.join(root, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  await promisify(execFile)(process.execPath, [swc, 'apps', 'libs', '-d', buildDir, '--config-file', '.swcrc', '--quiet'], { cwd: root });
  return path.join(buildDir, 'apps', 'worker', 'src', 'main.js');
}

/**
 * The compiled worker as a real child process, so a test can SIGKILL it the way an OOM kill or
 * a lost node would. Its output goes to a log file that a failed wait quotes.
 */
/**
 * A compiled worker's environment on the test stack: the suite's PostgreSQL and Chroma, the
 * Redis given, a secret the strength check accepts (the worker verifies no token), and the
 * spec's own settings over those.
 */
export function testWorkerEnv(redisUrl: string, settings: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATABASE_URL: process.env.DATABASE_URL!,
    CHROMA_URL: process.env.CHROMA_URL!,
    REDIS_URL: redisUrl,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ...settings,
  };
}

export class WorkerProcess {
  private child: ChildProcess | null = null;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly logFile: string,
    /** Another built process (the API) started the same way: its folder and the line that says it runs. */
    private readonly options: { cwd?: string; readyLine?: string } = {},
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  /** The running process's id: the same id before and after an event means it never restarted. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  // Generous: on a loaded 2-core CI machine a cold Node start alone can take tens of seconds.
  async start(timeoutMs = 90_000): Promise<void> {
    if (this.child) throw new Error('worker already running');
    const readyLine = this.options.readyLine ?? READY_LINE;
    const child = spawn(process.execPath, [this.entry], { cwd: this.options.cwd ?? root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    process.once('exit', this.killOnExit);
    child.once('exit', () => {
      process.off('exit', this.killOnExit);
      if (this.child === child) this.child = null;
    });
    let output = '';
    const record = (data: Buffer) => {
      output += data.toString();
      appendFileSync(this.logFile, data);
    };
    child.stdout!.on('data', record);
    child.stderr!.on('data', record);
    const deadline = Date.now() + timeoutMs;
    while (!output.includes(readyLine)) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${path.relative(root, this.entry)} exited during start-up:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`${path.relative(root, this.entry)} not running after ${timeoutMs} ms:\n${this.tail()}`);
      await sleep(50);
    }
  }

  /** Sends the signal and resolves once the process is gone (SIGKILL after 30 s of anything gentler). */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }

  tail(lines = 40): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no output)';
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
