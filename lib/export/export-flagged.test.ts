import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { exportToFile, previewExport } from "@/lib/export/exports";
import { addPairs, addPortsDatabase } from "@/lib/testing/export-fixtures";

// Items the label checks flagged are left out of an export unless asked for, and its manifest
// counts them per flag: a pair whose chosen side is a candidate with a coincidental match, and one
// whose rejected side is a degenerate answer (made before such answers were kept out of pairs).

const out = (name: string) => path.join(env.dataDir, "flagged-out", name);
const lines = (file: string) => fs.readFileSync(file, "utf8").trim().split("\n");

beforeAll(async () => {
  const db = await addPortsDatabase("flag_ports");
  const ids = await addPairs(db.id, [
    {
      question: "Which port is first?",
      sql: "SELECT name FROM ports WHERE id = 1",
      rejected: "SELECT name FROM ports",
    },
    {
      question: "Which ports are in XX?",
      sql: "SELECT name FROM ports WHERE country = 'XX'",
      rejected: "SELECT name FROM ports",
    },
    {
      question: "Which port is second?",
      sql: "SELECT name FROM ports WHERE id = 2",
      rejected: "SELECT 'ab12cd' AS unknown",
    },
  ]);
  const pairs = await prisma.preferencePair.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  const candidate = (taskId: string, sql: string, verdict: string, flags: string | null) =>
    prisma.candidate.create({ data: { taskId, source: "weak-model", sql, verdict, flags } });
  // the chosen side of the second pair is a weak answer whose match was a coincidence (both results empty)
  const chosen = await candidate(
    pairs[1]!.taskId,
    "SELECT name FROM ports WHERE country = 'ZZ'",
    "correct",
    "both_empty",
  );
  await prisma.preferencePair.update({
    where: { id: pairs[1]!.id },
    data: { chosenSql: chosen.sql!, chosenSource: "candidate", chosenCandidateId: chosen.id },
  });
  const degenerate = await candidate(
    pairs[2]!.taskId,
    "SELECT 'ab12cd' AS unknown",
    "wrong_result",
    "reads_no_table",
  );
  await prisma.preferencePair.update({
    where: { id: pairs[2]!.id },
    data: { rejectedCandidateId: degenerate.id },
  });
  // the same degenerate answer, edited by a reviewer into a real one: the pair is no longer flagged
  const edited = await addPairs(db.id, [
    {
      question: "Which port is last?",
      sql: "SELECT name FROM ports WHERE id = 2",
      rejected: "SELECT 'ef34ab' AS unknown",
    },
  ]);
  const flagged = await candidate(
    pairs[2]!.taskId,
    "SELECT 'ef34ab' AS unknown",
    "wrong_result",
    "reads_no_table",
  );
  await prisma.preferencePair.update({
    where: { id: edited[0]! },
    data: {
      rejectedCandidateId: flagged.id,
      finalRejectedSql: "SELECT country FROM ports WHERE id = 2",
      status: "edited",
    },
  });
});

describe("flagged items in an export", () => {
  it("are left out by default and counted per flag in the manifest", async () => {
    expect((await previewExport({ format: "trl-dpo", database: "flag_ports" })).selected).toBe(2);
    const done = await exportToFile({ format: "trl-dpo", database: "flag_ports" }, out("default.jsonl"));
    expect(lines(out("default.jsonl"))).toHaveLength(2);
    const manifest = JSON.parse(done.manifestJson!);
    expect(manifest.filters.includeFlagged).toBe(false);
    expect(manifest.flagged).toEqual({ included: false, perFlag: { both_empty: 1, reads_no_table: 1 } });
    expect(manifest.counts.selected).toBe(2);
  });

  it("are written when asked for, and still counted", async () => {
    const done = await exportToFile(
      { format: "trl-dpo", database: "flag_ports", includeFlagged: true },
      out("all.jsonl"),
    );
    expect(lines(out("all.jsonl"))).toHaveLength(4);
    expect(JSON.parse(done.manifestJson!).flagged).toEqual({
      included: true,
      perFlag: { both_empty: 1, reads_no_table: 1 },
    });
  });
});
