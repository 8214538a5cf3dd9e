import type { ChildProcess } from 'node:child_process';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
}
export interface RunningChild extends RunningService {
  child: ChildProcess;
}
export interface LocalStack {
  env: { DATABASE_URL: string; REDIS_URL: string; CHROMA_URL: string };
  postgres: RunningService;
  redis: RunningChild;
  chroma: RunningChild;
  stop(): Promise<void>;
}

export function freePort(): Promise<number>;
export function startRedis(options: { dataDir: string; port: number; persistent: boolean }): Promise<RunningChild>;
export interface RunningRedisCluster extends RunningService {
  /** The nodes' client ports, in the order of the URL. */
  ports: number[];
  /** Stops the node listening on `port`, as a crash of that node would. */
  stopNode(port: number): Promise<void>;
  /** Starts the stopped nodes again with the cluster state they kept, and waits until the cluster serves. */
  restart(): Promise<void>;
}
export function startRedisCluster(options: { dataDir: string; nodes?: number }): Promise<RunningRedisCluster>;
export function stopChild(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
export function startLocalStack(options: { dataDir: string; persistent: boolean; ports?: { postgres?: number; redis?: number; chroma?: number }; database?: string }): Promise<LocalStack>;
