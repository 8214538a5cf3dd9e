import { z } from 'zod';

const duration = z.coerce.number().int().positive();
const csv = z
  .string()
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

/** Every setting the processes read; built once from the environment at start-up. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: csv.default([]),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  REDIS_URL: z.url({ protocol: /^(rediss?|unix)$/ }),
  CHROMA_URL: z.url({ protocol: /^https?$/ }),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  JWT_ISSUER: z.string().default('knowledge-assistant'),
  JWT_AUDIENCE: z.string().default('knowledge-assistant-api'),
  JWT_ACCESS_TTL_SECONDS: duration.default(900),
  REFRESH_TOKEN_TTL_SECONDS: duration.default(30 * 24 * 3600),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),

  SEED_ADMIN_EMAIL: z.email().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SEED_MEMBER_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),

  STORAGE_DIR: z.string().default('.data/blobs'),
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(50 * 1024 * 1024),
  INGEST_CONCURRENCY: z.coerce.number().int().positive().default(16),
  INGEST_JOB_TIMEOUT_MS: z.coerce.number().int().positive().default(5 * 60_000),
  INGEST_ATTEMPTS: z.coerce.number().int().positive().default(4),
  INGEST_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  // The first vector collection's name, and the prefix of those a re-embed builds (`<name>_<id>`).
  CHROMA_COLLECTION: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,50}[A-Za-z0-9]$/, 'must be 3–52 letters, digits, dots, dashes or underscores, starting and ending with a letter or digit')
    .default('chunks'),
  REEMBED_BATCH_PAUSE_MS: z.coerce.number().int().nonnegative().default(0),
  // 0 leaves the worker without a metrics listener; a fixed default would collide between workers on one host.
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),

  EMBEDDING_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_DIMENSION: z.coerce.number().int().positive().default(1024),
  CHAT_PROVIDER: z.enum(['local', 'openai']).default('local'),
  LOCAL_CHAT_TOKEN_DELAY_MS: z.coerce.number().int().nonnegative().default(0),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_CHAT_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  PROMPTS_DIR: z.string().default('prompts'),

  WEB_SEARCH_URL: z.url().optional(),
  WEB_SEARCH_API_KEY: z.string().optional(),
  RETRIEVAL_CACHE_TTL_SECONDS: z.coerce.number().int().nonnegative().default(300),
  // Unset: chosen for the embedding provider (see fusion-settings.ts in retrieval).
  RETRIEVAL_FUSION_K: z.coerce.number().nonnegative().optional(),
  RETRIEVAL_VECTOR_WEIGHT: z.coerce.number().nonnegative().optional(),
  CHAT_MAX_CONCURRENT_STREAMS: z.coerce.number().int().positive().default(3),
  CHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  CHAT_SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10_000),
});

export type ConfigValues = z.infer<typeof configSchema>;

export class InvalidConfiguration extends Error {}

export function parseConfig(env: NodeJS.ProcessEnv): ConfigValues {
  // An empty value (`OPENAI_BASE_URL=` copied from .env.example) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = configSchema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new InvalidConfiguration(`Invalid configuration:\n${problems.join('\n')}`);
}

/** The typed configuration, injectable by its class. */
export class AppConfig {
  constructor(readonly values: ConfigValues) {}

  // The one reader of process.env; everything else receives AppConfig.
  // eslint-disable-next-line no-restricted-properties
  static fromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
    return new AppConfig(parseConfig(env));
  }

  get<K extends keyof ConfigValues>(key: K): ConfigValues[K] {
    return this.values[key];
  }
}
