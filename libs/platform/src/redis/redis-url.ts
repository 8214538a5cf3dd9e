/** Where REDIS_URL points: one server, or the seed nodes of a Redis Cluster. */
export type RedisTarget = { kind: 'standalone'; url: string } | { kind: 'cluster'; nodes: ClusterSeed[]; username?: string; password?: string; tls: boolean };

export interface ClusterSeed {
  host: string;
  port: number;
}

const STANDALONE_PROTOCOLS = new Set(['redis:', 'rediss:', 'unix:']);
const CLUSTER_SCHEME = /^(rediss?)-cluster:\/\/(.*)$/i;

/**
 * Reads REDIS_URL. A single server is `redis://`, `rediss://` (TLS) or `unix:///path.sock[?db=N]`.
 * A cluster is `redis-cluster://[[user]:password@]host:port,host:port,…` (`rediss-cluster://` for
 * TLS): the nodes are seeds, from which the client learns the rest of the cluster, so listing
 * more than one lets it start while one is down. A cluster has no databases, so no path.
 * Throws an Error that says what is wrong.
 */
export function parseRedisUrl(raw: string): RedisTarget {
  const cluster = CLUSTER_SCHEME.exec(raw.trim());
  if (!cluster) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error('must be a URL: redis://, rediss://, unix://, or redis-cluster://host:port,host:port');
    }
    if (!STANDALONE_PROTOCOLS.has(url.protocol)) throw new Error(`${url.protocol}// is not Redis: use redis://, rediss://, unix:// or redis-cluster://`);
    return { kind: 'standalone', url: raw };
  }
  const [, scheme, rest] = cluster;
  const at = rest.lastIndexOf('@');
  const credentials = at >= 0 ? rest.slice(0, at) : null;
  const hostList = at >= 0 ? rest.slice(at + 1) : rest;
  if (/[/?#]/.test(hostList)) throw new Error('a cluster URL takes no database, path or query: redis-cluster://host:port,host:port');
  const nodes = hostList.split(',').map((entry) => parseNode(entry.trim()));
  const target: RedisTarget = { kind: 'cluster', nodes, tls: scheme.toLowerCase() === 'rediss' };
  if (credentials !== null) {
    const colon = credentials.indexOf(':');
    const username = decode(colon >= 0 ? credentials.slice(0, colon) : credentials);
    const password = colon >= 0 ? decode(credentials.slice(colon + 1)) : undefined;
    if (username) target.username = username;
    if (password) target.password = password;
  }
  return target;
}

function parseNode(entry: string): ClusterSeed {
  // [v6]:port or host:port; the port is required, since cluster nodes rarely listen on 6379 alone.
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s]+):(\d{1,5})$/i.exec(entry);
  if (!match) throw new Error(`"${entry}" is not a cluster node: each must be host:port`);
  const port = Number(match[2]);
  if (port < 1 || port > 65535) throw new Error(`"${entry}" has no valid port`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new Error('the credentials are not valid percent-encoding');
  }
}
