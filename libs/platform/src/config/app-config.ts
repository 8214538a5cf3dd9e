import { ConfigService } from '@nestjs/config';
import { z } from 'zod';
import { parseRedisUrl } from '../redis/redis-url';
import { CHAT_MODEL_PATTERN, chatModelChoice } from './chat-model-setting';
import { weakSecretProblem } from './secret-strength';
import { parseTrustProxy } from './trust-proxy';

const duration = z.coerce.number().int().positive();
const csv = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * OIDC_GROUP_MAPPING: a JSON array of rules, tried in order, e.g.
 * `[{"group": "platform", "department": "Engineering/Platform"}, {"group": "kb-admins", "role": "admin"}]`.
 * `department` is a department's id or its path of names from the top, joined by `/`.
 */
const groupRule = z
  .object({
    group: z.string().min(1),
    department: z.string().min(1).optional(),
    role: z.enum(['admin', 'department_admin', 'member']).optional(),
  })
  .strict()
  .refine((rule) => rule.department !== undefined || rule.role !== undefined, 'each rule needs a department, a role or both');

const groupMapping = z
  .string()
  .transform((raw, context) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'must be JSON: an array of {"group", "department"?, "role"?} rules' });
      return z.NEVER;
    }
  })
  .pipe(z.array(groupRule));

/** Every setting the processes read; built once from the environment at start-up. */
const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: csv.default([]),
    // The built web app (index.html, assets/), served at /; relative to the working directory.
    WEB_APP_DIR: z.string().default('dist/web'),
    // How long an idle keep-alive connection stays open. Longer than a load balancer's idle
    // timeout (60 s on most), so the balancer, never the API, closes it: otherwise a request the
    // balancer sends on a connection the API is closing fails with a reset (a 502 to the client).
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(65_000),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((raw, context) => {
        const parsed = parseTrustProxy(raw);
        if ('value' in parsed) return parsed.value;
        context.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
    DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
    // One server (redis://, rediss://, unix://) or a cluster's seed nodes (redis-cluster://h1:p1,h2:p2).
    REDIS_URL: z.string().superRefine((url, context) => {
      try {
        parseRedisUrl(url);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
    CHROMA_URL: z.url({ protocol: /^https?$/ }),
    JWT_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .superRefine((secret, context) => {
        const problem = weakSecretProblem(secret);
        if (problem) context.addIssue({ code: 'custom', message: `${problem}; generate one with \`openssl rand -base64 48\`` });
      }),
    JWT_ISSUER: z.string().default('knowledge-assistant'),
    JWT_AUDIENCE: z.string().default('knowledge-assistant-api'),
    JWT_ACCESS_TTL_SECONDS: duration.default(900),
    REFRESH_TOKEN_TTL_SECONDS: duration.default(30 * 24 * 3600),
    // How long a rotated refresh token may still be presented (two tabs refreshing at once) before reuse revokes its family.
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
    // false: only the break-glass accounts below may sign in with a password; everyone else uses single sign-on.
    PASSWORD_LOGIN: flag.default(true),
    PASSWORD_LOGIN_BREAK_GLASS_EMAILS: csv.default([]),
    // OpenID Connect single sign-on, on when OIDC_ISSUER_URL is set (then the client and redirect settings are required).
    OIDC_ISSUER_URL: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
    OIDC_PROVIDER_NAME: z.string().min(1).max(60).default('single sign-on'),
    OIDC_SCOPES: z.string().default('openid email profile'),
    OIDC_GROUPS_CLAIM: z
      .string()
      .regex(/^[\w:/.-]+$/, 'must be a claim name, or a dotted path to one')
      .default('groups'),
    OIDC_GROUP_MAPPING: groupMapping.default([]),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(10),

    SEED_ADMIN_EMAIL: z.email().optional(),
    SEED_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    SEED_MEMBER_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),

    STORAGE_DIR: z.string().default('.data/blobs'),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
    // Each person's attachments over all their conversations: how many (429 past it) and how many bytes (413).
    ATTACHMENT_MAX_FILES_PER_USER: z.coerce.number().int().positive().default(20),
    ATTACHMENT_MAX_BYTES_PER_USER: z.coerce
      .number()
      .int()
      .positive()
      .default(100 * 1024 * 1024),
    // How long an answer waits for an attachment it was asked with to finish ingesting.
    ATTACHMENT_WAIT_MS: z.coerce.number().int().nonnegative().default(30_000),
    INGEST_CONCURRENCY: z.coerce.number().int().positive().default(16),
    INGEST_JOB_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(5 * 60_000),
    INGEST_ATTEMPTS: z.coerce.number().int().positive().default(4),
    INGEST_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
    INGEST_PARSE_THREADS: z.coerce.number().int().positive().default(2),
    INGEST_PARSE_CPU_MS: z.coerce.number().int().positive().default(30_000),
    INGEST_PARSE_MEMORY_MB: z.coerce.number().int().min(64).default(1024),
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
    // `provider:model` for LangChain's initChatModel (openai:gpt-4o-mini), or `local`; unset, CHAT_PROVIDER and OPENAI_CHAT_MODEL decide.
    CHAT_MODEL: z.string().regex(CHAT_MODEL_PATTERN, 'must be "local" or "<provider>:<model>", e.g. "openai:gpt-4o-mini"').optional(),
    CHAT_PROVIDER: z.enum(['local', 'openai']).default('local'),
    // Which agent answers: the LangGraph pipeline, or a tool-calling ReAct agent (needs a model that calls tools).
    CHAT_AGENT: z.enum(['pipeline', 'react']).default('pipeline'),
    LOCAL_CHAT_TOKEN_DELAY_MS: z.coerce.number().int().nonnegative().default(0),
    OPENAI_BASE_URL: z.url().optional(),
    OPENAI_API_KEY: z.string().optional(),
    OPENAI_CHAT_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
    // Where embeddings go when that is another server than the chat model's (vLLM and llama.cpp serve one model each).
    OPENAI_EMBEDDING_BASE_URL: z.url().optional(),
    OPENAI_EMBEDDING_API_KEY: z.string().optional(),
    // Servers that reject or ignore `dimensions` (most besides OpenAI's text-embedding-3) need false,
    // with EMBEDDING_DIMENSION set to the model's own size.
    OPENAI_EMBEDDING_SEND_DIMENSIONS: z.stringbool().default(true),
    // Servers that reject `stream_options` need false; answers then carry no usage.
    OPENAI_STREAM_USAGE: z.stringbool().default(true),
    // Until the response starts (a streamed answer's first byte), and for a whole non-streamed call.
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
    // Retries of a failed call (429 after its Retry-After when that is at most a minute, 5xx, network).
    OPENAI_MAX_RETRIES: z.coerce.number().int().nonnegative().default(2),
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
    // The most of a conversation's earlier turns given to the model, in estimated tokens (about 4 characters each).
    CHAT_HISTORY_MAX_TOKENS: z.coerce.number().int().nonnegative().default(2000),
  })
  .superRefine((values, context) => {
    if (values.CHAT_AGENT === 'react' && chatModelChoice(values).provider === 'local') {
      context.addIssue({ code: 'custom', path: ['CHAT_AGENT'], message: 'react needs a chat model that calls tools: set CHAT_MODEL to "<provider>:<model>" (the local model cannot)' });
    }
  });

const oidcSettings = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL'] as const;

/** The settings that only make sense together. */
const checkedSchema = configSchema.superRefine((values, context) => {
  if (values.OIDC_ISSUER_URL) {
    for (const key of oidcSettings) if (!values[key]) context.addIssue({ code: 'custom', path: [key], message: 'is required when OIDC_ISSUER_URL is set' });
    const issuer = new URL(values.OIDC_ISSUER_URL);
    if (issuer.protocol === 'http:' && !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i.test(issuer.hostname)) {
      context.addIssue({ code: 'custom', path: ['OIDC_ISSUER_URL'], message: 'must be https (plain http only for a provider on this machine)' });
    }
    if (!values.OIDC_SCOPES.split(' ').includes('openid')) context.addIssue({ code: 'custom', path: ['OIDC_SCOPES'], message: 'must include openid' });
  }
  if (!values.PASSWORD_LOGIN && !values.OIDC_ISSUER_URL && values.PASSWORD_LOGIN_BREAK_GLASS_EMAILS.length === 0) {
    context.addIssue({ code: 'custom', path: ['PASSWORD_LOGIN'], message: 'false leaves no way to sign in: set OIDC_ISSUER_URL or PASSWORD_LOGIN_BREAK_GLASS_EMAILS' });
  }
});

export type ConfigValues = z.infer<typeof configSchema>;

export class InvalidConfiguration extends Error {}

/** The `validate` of `ConfigModule.forRoot`: the environment in, typed values or an error naming every bad variable out. */
export function parseConfig(env: Record<string, unknown>): ConfigValues {
  // An empty value (`OPENAI_BASE_URL=` copied from .env.example) means "not set".
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = checkedSchema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new InvalidConfiguration(`Invalid configuration:\n${problems.join('\n')}`);
}

/**
 * The typed configuration, injectable by its class: a facade over Nest's `ConfigService`, which
 * holds the values `parseConfig` validated, so `get('PORT')` is a number and a misspelt key a
 * compile error.
 */
export class AppConfig {
  constructor(private readonly service: ConfigService<ConfigValues, true>) {}

  /** Settings made by hand, for specs that build a piece without a Nest module. */
  static of(values: ConfigValues): AppConfig {
    // Unlike the module's, this service falls back to process.env for a setting the values lack.
    return new AppConfig(new ConfigService<ConfigValues, true>(values));
  }

  get<K extends keyof ConfigValues>(key: K): ConfigValues[K] {
    return this.service.get(key, { infer: true });
  }
}
