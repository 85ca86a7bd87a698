// Drives Prisma's WebAssembly schema engine (a devDependency, pinned to the CLI's version) for what
// the offline CLI cannot do: write a new migration, and find drift between the migrations and
// schema.prisma. Everything runs on in-memory SQLite databases (dev and shadow), never on the store.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type {
  DiagnoseMigrationHistoryOutput,
  MigrationList,
  SchemaEngine,
} from "@prisma/schema-engine-wasm/schema_engine_bg";

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(import.meta.dirname, "..");
export const defaultSchemaFile = path.join(projectRoot, "prisma", "schema.prisma");
export const defaultMigrationsDir = path.join(projectRoot, "prisma", "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
const filters = { externalTables: [], externalEnums: [] };
let engineModule: Promise<EngineModule> | undefined;

/** The package's entry imports the .wasm as an ES module, which Node cannot; wire it up by hand, once. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= (async () => {
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import(bgPath)) as EngineModule;
    const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return engineModule;
}

/** The migrations folder as the CLI hands it to the engine (see `prisma migrate dev`). */
function readMigrations(dir: string): MigrationList {
  const folders = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = fs.existsSync(file)
        ? { tag: "ok" as const, value: fs.readFileSync(file, "utf8") }
        : { tag: "error" as const, value: `${file} not found` };
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  };
}

/**
 * Runs `run` with an engine on a database (in memory unless `url` says otherwise) and an in-memory
 * shadow database.
 * The engine replays a whole migration.sql through executeRaw, which better-sqlite3 refuses when it
 * holds several statements; those run through executeScript instead.
 */
async function withEngine<T>(
  schemaFile: string,
  run: (engine: SchemaEngine, schema: string) => Promise<T>,
  url = ":memory:",
): Promise<T> {
  const bg = await loadEngineModule();
  const factory = new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl: ":memory:" });
  const opened: SqlDriverAdapter[] = [];
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    opened.push(adapter);
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.args.length > 0 || !/more than one statement/.test((error as Error).message)) throw error;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
    return adapter;
  };
  const patched: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
  const schema = fs.readFileSync(schemaFile, "utf8");
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaFile, schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(patched),
  );
  try {
    return await run(engine, schema);
  } finally {
    engine.free();
    await Promise.allSettled(opened.map((adapter) => adapter.dispose()));
  }
}

/** The SQL that the migrations lack compared with the schema; "" when they agree. */
export async function diffMigrationsToSchema(
  schemaFile = defaultSchemaFile,
  migrationsDir = defaultMigrationsDir,
): Promise<string> {
  return withEngine(schemaFile, async (engine, schema) => {
    const migrations = readMigrations(migrationsDir);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content: schema }] },
      script: true,
      exitCode: null,
      filters,
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  });
}

/**
 * What `prisma migrate dev --create-only --name <name>` computes: applies the migrations to a dev
 * database, then asks the engine for the next one. Returns null when the schema needs no change.
 */
export async function createMigration(
  name: string,
  schemaFile = defaultSchemaFile,
  migrationsDir = defaultMigrationsDir,
): Promise<{ folder: string; script: string; connectorType: string } | null> {
  return withEngine(schemaFile, async (engine, schema) => {
    const migrationsList = readMigrations(migrationsDir);
    await engine.applyMigrations({ migrationsList, filters });
    const { action } = await engine.devDiagnostic({ migrationsList, filters });
    if (action.tag === "reset") throw new Error(`The migrations cannot be replayed: ${action.reason}`);
    const out = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: { files: [{ path: schemaFile, content: schema }] },
      filters,
    });
    if (out.migrationScript === null) return null;
    return {
      folder: out.generatedMigrationName,
      script: out.migrationScript,
      connectorType: out.connectorType,
    };
  });
}

/** What `prisma migrate status` sees in an existing store: edited, failed and unapplied migrations. */
export async function migrationStatus(
  dbFile: string,
  migrationsDir = defaultMigrationsDir,
): Promise<DiagnoseMigrationHistoryOutput> {
  return withEngine(
    defaultSchemaFile,
    (engine) =>
      engine.diagnoseMigrationHistory({
        migrationsList: readMigrations(migrationsDir),
        optInToShadowDatabase: false,
        filters,
      }),
    dbFile,
  );
}
