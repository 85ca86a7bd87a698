import path from "node:path";
import { z } from "zod";

// The one place that reads process.env. Everything else imports `env`.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  SENSE_PROJECT_ROOT: z.string().min(1).optional(), // set by bin/sense.mjs; defaults to the working folder
  SENSE_DATA_DIR: z.string().min(1).optional(),
  SENSE_DB_FILE: z.string().min(1).optional(),
  SENSE_SEED_DEMO: z.enum(["0", "1"]).default("1"),
  SENSE_IMPORT_ROOTS: z.string().optional(),
  SENSE_SQL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  SENSE_SQL_MAX_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  SENSE_SQL_MEMORY_MB: z.coerce.number().int().min(128).max(65_536).default(512), // memory of each SQL execution process (SQLite and its results)
  SENSE_SQL_TEMP_MB: z.coerce.number().int().min(1).max(65_536).default(256), // largest temporary file a query may write (sorts, DISTINCT, GROUP BY)
  SENSE_EMBEDDED_WORKER: z.enum(["0", "1"]).default("1"),
  SENSE_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  SENSE_JOB_LEASE_MS: z.coerce.number().int().min(200).default(60_000),
  SENSE_WORKER_THROTTLE_MS: z.coerce.number().int().min(0).default(0), // slows each item down: demos and crash tests
  SENSE_UPLOAD_MAX_MB: z.coerce.number().int().positive().default(512),
  SENSE_MAX_TABLES: z.coerce.number().int().min(1).max(10_000).default(500), // tables a registered or synthesized database may have
  SENSE_MAX_COLUMNS: z.coerce.number().int().min(1).max(2_000).default(200), // columns a table of one may have
  SENSE_REVIEW_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(300_000), // a review claim lasts this long without activity
  SENSE_DEMO_MODEL_SERVER: z.enum(["0", "1"]).default("1"), // start the local stand-in model server with the app
  SENSE_DEMO_MODEL_PORT: z.coerce.number().int().min(1).max(65_535).default(8787),
  SENSE_MODEL_REPLY_MAX_MB: z.coerce.number().int().min(1).max(1024).default(4), // the most of a model's reply that is read; past it the call is too_large
  SENSE_PROVIDERS: z.string().optional(), // JSON array of providers, see lib/providers/provider-schema.ts
  SENSE_SECRET_KEY: z // encrypts provider API keys at rest; without it, data/secret.key is made on first start
    .string()
    .regex(
      /^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/,
      "SENSE_SECRET_KEY must be 32 bytes: 64 hex characters or 44 of base64 (openssl rand -base64 32)",
    )
    .optional(),
  SENSE_ADMIN_EMAIL: z.string().email().optional(), // first run: the admin account made from these two
  SENSE_ADMIN_PASSWORD: z.string().min(12, "SENSE_ADMIN_PASSWORD needs at least 12 characters").optional(),
  SENSE_ADMIN_NAME: z.string().min(2).optional(),
  SENSE_API_TOKEN: z.string().optional(), // the CLI acts as the person whose token this is
  SENSE_TRUST_PROXY: z.enum(["0", "1"]).default("0"), // 1: a proxy in front sets X-Forwarded-For (the sign-in limit per address uses it)
  SENSE_TRUSTED_ORIGINS: z.string().optional(), // comma-separated origins allowed to send mutations (behind a proxy)
  PORT: z.coerce.number().int().positive().default(3000),
  SENSE_HOST: z.string().min(1).default("127.0.0.1"), // the interface `npm start` listens on (scripts/start.mjs); 0.0.0.0 for all
});

export type Env = z.infer<typeof envSchema> & {
  projectRoot: string;
  dataDir: string;
  dbFile: string;
  databasesDir: string;
  importRoots: string[];
  trustedOrigins: string[];
};

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const projectRoot = path.resolve(/*turbopackIgnore: true*/ parsed.data.SENSE_PROJECT_ROOT ?? ".");
  const dataDir = path.resolve(projectRoot, parsed.data.SENSE_DATA_DIR ?? "data");
  const dbFile = path.resolve(
    /*turbopackIgnore: true*/ parsed.data.SENSE_DB_FILE ?? path.join(dataDir, "sense.db"),
  );
  // Folders the dashboard may import from by server path (the CLI is not limited to them).
  const importRoots = (
    parsed.data.SENSE_IMPORT_ROOTS ??
    [path.join(dataDir, "imports"), path.resolve(projectRoot, "..", "shared", "data")].join(path.delimiter)
  )
    .split(path.delimiter)
    .filter(Boolean)
    .map((p) => path.resolve(projectRoot, p)); // relative paths are taken from the project folder, as documented
  const trustedOrigins = (parsed.data.SENSE_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return {
    ...parsed.data,
    projectRoot,
    dataDir,
    dbFile,
    databasesDir: path.join(dataDir, "databases"),
    importRoots,
    trustedOrigins,
  };
}

export const env: Env = parseEnv(process.env);

/** The environment a child process of ours starts with (the same variables this process was given). */
export function inheritedEnv(): NodeJS.ProcessEnv {
  return { ...process.env };
}

/** A secret named by configuration (e.g. SENSE_PROVIDERS' apiKeyEnv), read here and only here. */
export function secretFromEnv(name: string): string | undefined {
  return process.env[name] || undefined;
}
