import type { ChildProcess } from 'node:child_process';
import type { LocalStack } from '../../scripts/lib/local-stack.mjs';

export const root: string;
export const SEED: { adminEmail: string; adminPassword: string; memberPassword: string };
export function build(log: (line: string) => void): void;

export interface ProductProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  stop(): Promise<void>;
}
export interface Product {
  dataDir: string;
  env: Record<string, string | undefined>;
  stack: LocalStack;
  startProcess(name: string, script: string, extraEnv?: Record<string, string>): Promise<ProductProcess>;
  startApi(extraEnv?: Record<string, string>): Promise<ProductProcess>;
  startWorker(): Promise<(ProductProcess & { metricsUrl: string }) | null>;
  ownOrganisation(name: string): Promise<string>;
  stopping: boolean;
  stop(): Promise<void>;
}
export function startProduct(options: { log: (line: string) => void }): Promise<Product>;
