import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { registerDatabase } from "@/lib/databases/register-database";
import { env } from "@/lib/env";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";

// Stores for export tests: target databases registered the app's way (a real SQLite file, its
// schema introspected), and curated items on them written as the jobs and reviews leave them.

/** A database whose one table is named `table` (databases given the same table share a schema). */
export async function addPortsDatabase(name: string, table = "ports") {
  const file = writeSqlite(
    path.join(env.dataDir, "src", `${name}.sqlite`),
    `CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT, country TEXT); INSERT INTO ${table} VALUES (1, 'Harwich', 'UK'), (2, 'Hook', 'NL');`,
  );
  return registerDatabase({ name, sourceFile: file, source: "path" });
}

export type ItemSpec = {
  question: string;
  sql: string;
  rejected?: string;
  status?: string;
  evidence?: string;
};

/** SFT samples on a database, in the order given (ids grow with it). */
export async function addSamples(databaseId: string, items: ItemSpec[]) {
  const ids: string[] = [];
  for (const i of items) {
    const s = await prisma.sftSample.create({
      data: {
        databaseId,
        question: i.question,
        evidence: i.evidence ?? null,
        sql: i.sql,
        origin: "strong",
        execStatus: "ok",
        status: i.status ?? "accepted",
        difficulty: "easy",
      },
    });
    ids.push(s.id);
  }
  return ids;
}

/** Preference pairs (a task each) on a database, in the order given. */
export async function addPairs(databaseId: string, items: ItemSpec[]) {
  const ids: string[] = [];
  for (const [k, i] of items.entries()) {
    const task = await prisma.task.create({
      data: {
        databaseId,
        question: i.question,
        evidence: i.evidence ?? null,
        goldSql: i.sql,
        split: "train",
        origin: "spider",
        sourceRef: `fixture:${databaseId}:${k}:${i.question}`,
      },
    });
    const p = await prisma.preferencePair.create({
      data: {
        taskId: task.id,
        chosenSql: i.sql,
        chosenSource: "gold",
        rejectedSql: i.rejected ?? `${i.sql} LIMIT 0`,
        status: i.status ?? "accepted",
      },
    });
    ids.push(p.id);
  }
  return ids;
}

/** `n` distinct items on a database (their question and SQL name the database and the number). */
export const itemsOn = (name: string, n: number, table = "ports"): ItemSpec[] =>
  Array.from({ length: n }, (_, k) => ({
    question: `How many ${table} have an id above ${k} in ${name}?`,
    sql: `SELECT count(*) FROM ${table} WHERE id > ${k}`,
    rejected: `SELECT count(*) FROM ${table} WHERE id < ${k}`,
  }));

export const readLines = (file: string) =>
  fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
