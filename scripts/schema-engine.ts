// Drives Prisma's WebAssembly schema engine (a devDependency, pinned) for the two things the
// offline CLI cannot do: the SQL that takes the migrations to schema.prisma (new migration, drift).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const projectRoot = path.resolve(import.meta.dirname, "..");
export const defaultSchemaFile = path.join(projectRoot, "prisma", "schema.prisma");
export const defaultMigrationsDir = path.join(projectRoot, "prisma", "migrations");

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let engineModule: Promise<EngineModule> | undefined;

/** The wasm can be instantiated once per process; later calls share it. */
function loadEngineModule(): Promise<EngineModule> {
  engineModule ??= instantiateEngineModule();
  return engineModule;
}

async function instantiateEngineModule(): Promise<EngineModule> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import(bgPath)) as EngineModule;
  const bytes = fs.readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

function readMigrations(dir: string) {
  const folders = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: folders.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

/**
 * The engine replays a whole migration.sql through executeRaw, which better-sqlite3 refuses when it
 * holds several statements; run those as a script instead.
 */
function withScriptFallback(factory: PrismaBetterSqlite3): SqlMigrationAwareDriverAdapterFactory {
  const patch = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.args.length > 0) throw error;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}

/** The SQL that the migrations lack compared with the schema; empty when they agree. */
export async function diffMigrationsToSchema(schemaFile = defaultSchemaFile, migrationsDir = defaultMigrationsDir): Promise<string> {
  const bg = await loadEngineModule();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    withScriptFallback(new PrismaBetterSqlite3({ url: ":memory:" }, { shadowDatabaseUrl: ":memory:" })),
  );
  const content = fs.readFileSync(schemaFile, "utf8");
  const engine = await bg.SchemaEngine.new({ datamodels: [[schemaFile, content]] }, () => undefined, adapter);
  try {
    const migrations = readMigrations(migrationsDir);
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaFile, content }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    engine.free();
  }
}
