// Vitest setup: every test file gets its own data directory and store, migrated before it runs.
// Environment is set before any module reads it (lib/env.ts parses once, per test file).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-unit-"));
process.env.SENSE_DATA_DIR = dir;
process.env.SENSE_DB_FILE = path.join(dir, "sense.db");
process.env.SENSE_IMPORT_ROOTS = path.join(dir, "imports");
process.env.SENSE_PROJECT_ROOT = path.resolve(__dirname, "..", "..");
fs.mkdirSync(path.join(dir, "imports"));

const { migrateStore } = await import("@/lib/store/prepare-store");
migrateStore();

afterAll(async () => {
  const { prisma } = await import("@/lib/db");
  await prisma.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});
