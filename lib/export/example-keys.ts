// What makes two exported records the same training example. A record's prompt is rendered from
// its database's schema text (and sample rows), its evidence and its question, under one template
// and system instruction per export; its answer is its SQL (a pair: both sides). Databases with
// identical schemas therefore render identical prompts, so the key is built from the schema text,
// not from which database the record came from: the same rendered example is written once per
// export, whichever database it came from. Question and SQL are compared normalized (case, spacing,
// punctuation), so examples typed differently but trained on alike count as one.
import crypto from "node:crypto";
import { normalizeSql } from "@/lib/sql/normalize-sql";
import { questionKey } from "@/lib/synthesis/near-duplicates";

// one-shot hashing (Node 20.12+) makes no Hash object a record; older Nodes build one
export const sha256: (text: string) => Buffer =
  typeof crypto.hash === "function"
    ? (text) => crypto.hash("sha256", text, "buffer")
    : (text) => crypto.createHash("sha256").update(text).digest();

/** The keys of one database's prompt text: its schema (the split keeps it on one side) and all it puts in a prompt (dedup). */
export type DatabaseKeys = { schema: string; prompt: string };
export function databaseKeys(parts: { ddl: string; rows: string }): DatabaseKeys {
  const schema = sha256(parts.ddl).toString("base64");
  return {
    schema,
    prompt: parts.rows ? sha256(`${parts.ddl}\u0000${parts.rows}`).toString("base64") : schema,
  };
}

export type DedupKey = (
  promptKey: string,
  question: string,
  evidence: string | null,
  ...sqls: (string | null)[]
) => Buffer;

/**
 * The dedup key of a record: a digest whose first 16 bytes stand for the example it renders to.
 * Made per export with a small memory of normalized SQL: a task's pairs (one after another in id
 * order) share their chosen side, normalized once. The memory is bounded, so it stays flat.
 */
export function dedupKeyMaker(capacity = 4_096): DedupKey {
  const normalized = new Map<string, string>();
  const normalize = (sql: string) => {
    let known = normalized.get(sql);
    if (known === undefined) {
      if (normalized.size >= capacity) normalized.clear();
      known = normalizeSql(sql);
      normalized.set(sql, known);
    }
    return known;
  };
  return (promptKey, question, evidence, ...sqls) =>
    sha256(
      [
        promptKey,
        evidence ?? "",
        questionKey(question),
        ...sqls.map((s) => (s === null ? "" : normalize(s))),
      ].join("\u0000"),
    );
}
