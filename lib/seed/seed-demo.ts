import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { prisma } from "@/lib/db";
import { registerDatabase } from "@/lib/databases/register-database";
import { buildCityLibraryDatabase } from "@/lib/seed/build-demo-database";
import { cityLibraryTasks } from "@/lib/seed/city-library-tasks";
import { hardnessOf } from "@/lib/tasks/task-hardness";

export const DEMO_DATABASE = "city_library";

/** Creates the demo database and its tasks unless they exist. Returns what it added. */
export async function seedDemo(): Promise<{ databaseAdded: boolean; tasksAdded: number }> {
  let database = await prisma.targetDatabase.findUnique({ where: { name: DEMO_DATABASE } });
  const databaseAdded = !database;
  if (!database) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-demo-"));
    try {
      const file = path.join(dir, `${DEMO_DATABASE}.sqlite`);
      buildCityLibraryDatabase(file);
      database = await registerDatabase({ name: DEMO_DATABASE, sourceFile: file, source: "demo" });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const databaseId = database.id;
  const existing = await prisma.task.count({ where: { origin: "demo", databaseId } });
  if (existing > 0) return { databaseAdded, tasksAdded: 0 };
  // Every fourth question is held out as "dev"; the rest are "train".
  const { count } = await prisma.task.createMany({
    data: cityLibraryTasks.map((t, i) => ({
      databaseId,
      question: t.question,
      goldSql: t.sql,
      difficulty: t.difficulty,
      hardness: hardnessOf(t.sql),
      split: i % 4 === 3 ? "dev" : "train",
      origin: "demo",
      sourceRef: `demo:${DEMO_DATABASE}:${i}`,
    })),
  });
  return { databaseAdded, tasksAdded: count };
}
