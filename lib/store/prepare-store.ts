import "server-only";
import path from "node:path";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ensureFirstAdmin, firstAdminHint } from "@/lib/auth/first-admin";
import { deleteExpiredSessions } from "@/lib/auth/sessions";
import { deleteOldSignInAttempts } from "@/lib/auth/sign-in";
import { syncProviders } from "@/lib/providers/providers";
import { seedDemo } from "@/lib/seed/seed-demo";
import { applyMigrations } from "@/lib/store/apply-migrations";
import { secureStoreFiles } from "@/lib/store/private-files";
import { cleanUpAfterCrashes } from "@/lib/store/start-up-cleanup";
import { backfillTaskHardness } from "@/lib/tasks/task-hardness";

export const migrationsDir = path.join(env.projectRoot, "prisma", "migrations");

/** Brings the store's schema up to date (its files private to their owner first). Safe to call on every start. */
export function migrateStore(): { applied: string[] } {
  secureStoreFiles(env.dataDir, env.dbFile);
  return applyMigrations(env.dbFile, migrationsDir);
}

/**
 * Runs on every start of the app: migrates, writes the configured model providers (SENSE_PROVIDERS
 * and the local stand-in's), cleans up what killed processes left (cleanUpAfterCrashes), then seeds the demo data into a store that holds nothing yet (unless
 * SENSE_SEED_DEMO=0).
 */
export async function prepareStore(): Promise<{ applied: string[]; seeded: boolean }> {
  const { applied } = migrateStore();
  await backfillTaskHardness();
  await syncProviders();
  const cleaned = await cleanUpAfterCrashes();
  if (
    cleaned.importsFailed ||
    cleaned.exportsFailed ||
    cleaned.uploadsRemoved ||
    cleaned.buildFoldersRemoved
  ) {
    console.log(
      `[store] cleaned up after a stopped process: ${cleaned.importsFailed} import(s) and ${cleaned.exportsFailed} export(s) marked failed, ${cleaned.uploadsRemoved} upload file(s) and ${cleaned.buildFoldersRemoved} strong build folder(s) removed`,
    );
  }
  await deleteExpiredSessions();
  await deleteOldSignInAttempts();
  const admin = await ensureFirstAdmin();
  if (admin === "created") console.log(`[auth] made the first admin account, ${env.SENSE_ADMIN_EMAIL}`);
  if (admin === "missing") console.warn(`[auth] ${firstAdminHint}`);
  return { applied, seeded: await seedDemoIntoEmptyStore() };
}

/** The demo data, into a store that holds no database and no import yet (unless SENSE_SEED_DEMO=0); whether it was added. */
export async function seedDemoIntoEmptyStore(): Promise<boolean> {
  if (env.SENSE_SEED_DEMO !== "1") return false;
  const [databases, imports] = await Promise.all([prisma.targetDatabase.count(), prisma.importRun.count()]);
  return databases === 0 && imports === 0 && (await seedDemo()).tasksAdded > 0;
}
