// Part of `npm run bench:scale`, the documented bulk path: the rows the domain wrote (read back as
// they are stored) cloned up to `size` tasks, SFT samples and preference pairs, with one rejected
// candidate and one job item per pair, a review action per decided item (about 20% of them), a
// model call per 10 items and an audit event per 100, spread over five copies of the real jobs.
// Plain prepared INSERTs in large transactions (so triggers the store has keep their counters
// right), ids like cuid's that sort by creation time, and varied database, status, difficulty,
// origin and question text.
import Database from "better-sqlite3";
import { sqlTime } from "../lib/store/sql-time";

type Row = Record<string, unknown>;
type People = { leadId: string; reviewerIds: string[] };

const DAY = 86_400_000;
const START = Date.now() - 60 * DAY; // clones are older than the real rows the domain just wrote
const timeAt = (ms: number) => sqlTime(new Date(ms)); // as Prisma stores times

// deterministic ids (no table of a million ids in memory): "c" + time + counter + a hash of both
function makeId(tag: number, i: number, ms: number): string {
  let h = (Math.imul(i + 1, 2654435761) ^ Math.imul(tag + 7, 40503)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822519) >>> 0;
  const tail =
    `${h.toString(36).padStart(7, "0")}${((h ^ (i * 31 + tag)) >>> 0).toString(36).padStart(7, "0")}`.slice(
      0,
      11,
    );
  return `c${ms.toString(36).padStart(8, "0")}${i.toString(36).padStart(5, "0")}${tail}`;
}

/** Times of one table's clones: `count` rows spread over [fromDay, toDay) after START, in order. */
const timeline = (count: number, fromDay: number, toDay: number) => (i: number) =>
  START + fromDay * DAY + Math.floor((i * (toDay - fromDay) * DAY) / Math.max(1, count));

function inserter(db: Database.Database, table: string, columns: string[]) {
  const stmt = db.prepare(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  );
  return (row: Row) => stmt.run(columns.map((c) => row[c] ?? null));
}

/** Writes `count` rows made by `make`, in transactions of 20,000. */
function cloneInto(
  db: Database.Database,
  table: string,
  template: Row,
  count: number,
  make: (i: number) => Row,
): number {
  const insert = inserter(db, table, Object.keys(template));
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert(make(i));
  });
  for (let from = 0; from < count; from += 20_000) batch(from, Math.min(count, from + 20_000));
  return count;
}

const all = (db: Database.Database, sql: string, ...params: unknown[]) =>
  db.prepare(sql).all(...params) as Row[];
const pick = <T,>(xs: readonly T[], i: number) => xs[i % xs.length]!;

// what happened to an item in review: 80% still pending, the rest decided by one of the reviewers
const decisions = [
  ...Array<string>(80).fill("pending"),
  ...Array<string>(12).fill("accepted"),
  ...Array<string>(5).fill("rejected"),
  ...Array<string>(3).fill("edited"),
];
const decisionOf = (i: number) => decisions[(i * 37) % decisions.length]!;

export function cloneStore(dbFile: string, size: number, people: People): Record<string, number> {
  const db = new Database(dbFile, { timeout: 15_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = OFF"); // a throwaway store: no fsync per transaction
  try {
    return cloneAll(db, size, people);
  } finally {
    db.close();
  }
}

function cloneAll(db: Database.Database, size: number, people: People): Record<string, number> {
  const rows: Record<string, number> = {};
  const demoDb = all(db, `SELECT * FROM target_databases WHERE name = 'city_library'`)[0]!;
  const taskTemplates = all(db, `SELECT * FROM tasks WHERE origin = 'demo' ORDER BY created_at, id`);
  const jobTemplates = all(db, `SELECT * FROM jobs ORDER BY created_at`);
  const pairTemplates = all(
    db,
    `SELECT * FROM preference_pairs WHERE rejected_candidate_id IS NOT NULL ORDER BY created_at, id`,
  );
  const sftTemplates = all(db, `SELECT * FROM sft_samples ORDER BY created_at, id`);
  const itemTemplates = all(
    db,
    `SELECT * FROM job_items WHERE step IN ('sample', 'mutate') AND status = 'done'`,
  );
  const callTemplates = all(db, `SELECT * FROM model_calls`);
  const actionTemplates = all(db, `SELECT * FROM review_actions`);
  const auditTemplates = all(db, `SELECT * FROM audit_events`);
  const candidateById = new Map(all(db, `SELECT * FROM candidates`).map((c) => [c.id as string, c]));
  if (
    !taskTemplates.length ||
    !pairTemplates.length ||
    !sftTemplates.length ||
    !itemTemplates.length ||
    !callTemplates.length ||
    !actionTemplates.length
  ) {
    throw new Error(
      "bench-scale: the domain wrote no rows of some kind to clone (tasks, pairs, samples, job items, model calls, review actions)",
    );
  }

  // seven more databases on the demo file (same schema), so tasks spread over eight databases
  const databaseIds = [demoDb.id as string];
  rows.target_databases = cloneInto(db, "target_databases", demoDb, 7, (i) => {
    const id = makeId(1, i, START + i);
    databaseIds.push(id);
    return {
      ...demoDb,
      id,
      name: `city_library_copy_${i + 1}`,
      created_at: timeAt(START + i),
      updated_at: timeAt(START + i),
    };
  });

  // five copies of the real jobs, finished; their items are cloned below
  const jobKind = new Map(jobTemplates.map((j) => [j.id as string, j.kind as string]));
  const clonesOf: Record<string, string[]> = { strong: [], weak: [], mutation: [] };
  const jobPlan = ["strong", "strong", "weak", "mutation", "mutation"];
  rows.jobs = cloneInto(db, "jobs", jobTemplates[0]!, jobPlan.length, (i) => {
    const template = jobTemplates.find((j) => j.kind === jobPlan[i]) ?? jobTemplates[0]!;
    const at = START + 20 * DAY + i * 3_600_000;
    const id = makeId(2, i, at);
    clonesOf[template.kind as string]!.push(id);
    return {
      ...template,
      id,
      status: "done",
      created_at: timeAt(at),
      started_at: timeAt(at),
      finished_at: timeAt(at + 3 * DAY),
    };
  });

  const T = taskTemplates.length;
  const taskTime = timeline(size, 0, 20);
  const taskId = (k: number) => makeId(3, k, taskTime(k));
  const taskTemplateIndex = new Map(taskTemplates.map((t, i) => [t.id as string, i]));
  const origins = ["spider", "spider", "bird", "bird", "demo", "manual"];
  const birdDifficulty = ["simple", "moderate", "challenging"];
  rows.tasks = cloneInto(db, "tasks", taskTemplates[0]!, size, (k) => {
    const t = taskTemplates[k % T]!;
    const origin = pick(origins, Math.floor(k / T) + k);
    return {
      ...t,
      id: taskId(k),
      database_id: pick(databaseIds, Math.floor(k / T)),
      question: `${t.question as string} (variant ${k + 1})`,
      split: k % 5 === 4 ? "dev" : "train",
      origin,
      difficulty: origin === "bird" ? pick(birdDifficulty, k) : t.difficulty,
      source_ref: `bench:${origin}:${k}`,
      import_run_id: null,
      created_at: timeAt(taskTime(k)),
    };
  });

  // pairs, one rejected candidate and one done job item each, on a cloned task of the same question
  const pairTime = timeline(size, 20, 55);
  const P = pairTemplates.length;
  const pairTask = (i: number) => {
    const tj = taskTemplateIndex.get(pairTemplates[i % P]!.task_id as string) ?? 0;
    const rounds = Math.max(1, Math.floor(size / T));
    return Math.min(size - 1, tj + T * (Math.floor(i / P) % rounds));
  };
  const pairJob = (i: number) =>
    pick(
      clonesOf[jobKind.get(pairTemplates[i % P]!.job_id as string) ?? "mutation"] ?? clonesOf.mutation!,
      Math.floor(i / P),
    );
  const candidateId = (i: number) => makeId(4, i, pairTime(i) - 1);
  const pairId = (i: number) => makeId(5, i, pairTime(i));
  const firstCandidate = candidateById.get(pairTemplates[0]!.rejected_candidate_id as string)!;
  rows.candidates = cloneInto(db, "candidates", firstCandidate, size, (i) => {
    const c = candidateById.get(pairTemplates[i % P]!.rejected_candidate_id as string) ?? firstCandidate;
    return {
      ...c,
      id: candidateId(i),
      task_id: taskId(pairTask(i)),
      job_id: pairJob(i),
      created_at: timeAt(pairTime(i) - 1),
    };
  });
  const reviewed = (status: string, at: number, i: number) =>
    status === "pending"
      ? { reviewed_by_id: null, reviewed_at: null }
      : { reviewed_by_id: pick(people.reviewerIds, i), reviewed_at: timeAt(at + 3_600_000) };
  rows.preference_pairs = cloneInto(db, "preference_pairs", pairTemplates[0]!, size, (i) => {
    const p = pairTemplates[i % P]!;
    const status = decisionOf(i);
    return {
      ...p,
      id: pairId(i),
      task_id: taskId(pairTask(i)),
      job_id: pairJob(i),
      chosen_candidate_id: null,
      rejected_candidate_id: candidateId(i),
      status,
      final_chosen_sql: status === "edited" ? p.chosen_sql : null,
      final_rejected_sql: null,
      reject_reason: status === "rejected" ? "wrong_sql" : null,
      reject_note: null,
      lease_owner_id: null,
      lease_expires_at: null,
      ...reviewed(status, pairTime(i), i),
      created_at: timeAt(pairTime(i)),
    };
  });
  rows.job_items = cloneInto(db, "job_items", itemTemplates[0]!, size, (i) => {
    const it = pick(itemTemplates, i);
    const at = timeAt(pairTime(i) - 2);
    return {
      ...it,
      id: makeId(6, i, pairTime(i) - 2),
      job_id: pairJob(i),
      payload_json: JSON.stringify({ taskId: taskId(pairTask(i)) }),
      lease_owner: null,
      lease_expires_at: null,
      created_at: at,
      updated_at: at,
    };
  });

  // the strong job's own items (databases, questions), once per copy of it
  const strongItems = all(
    db,
    `SELECT * FROM job_items WHERE job_id IN (SELECT id FROM jobs WHERE kind = 'strong')`,
  );
  if (strongItems.length) {
    rows.job_items += cloneInto(
      db,
      "job_items",
      strongItems[0]!,
      strongItems.length * clonesOf.strong!.length,
      (i) => {
        const at = START + 20 * DAY + i * 1_000;
        return {
          ...pick(strongItems, i),
          id: makeId(12, i, at),
          job_id: clonesOf.strong![Math.floor(i / strongItems.length)],
          lease_owner: null,
          lease_expires_at: null,
          created_at: timeAt(at),
          updated_at: timeAt(at),
        };
      },
    );
  }

  const sftTime = timeline(size, 20, 55);
  const sftId = (i: number) => makeId(7, i, sftTime(i));
  const sftStatus = (i: number) => (pick(sftTemplates, i).exec_status === "ok" ? decisionOf(i) : "discarded");
  rows.sft_samples = cloneInto(db, "sft_samples", sftTemplates[0]!, size, (i) => {
    const s = pick(sftTemplates, i);
    const status = sftStatus(i);
    return {
      ...s,
      id: sftId(i),
      job_id: pick(clonesOf.strong!, i),
      question: `${s.question as string} (variant ${i + 1})`,
      origin: i % 10 === 9 ? "imported" : "strong",
      status,
      edited_question: null,
      edited_sql: status === "edited" ? s.sql : null,
      edited_result_json: status === "edited" ? s.result_json : null,
      reject_reason: status === "rejected" ? "trivial" : null,
      reject_note: null,
      lease_owner_id: null,
      lease_expires_at: null,
      ...reviewed(status, sftTime(i), i),
      created_at: timeAt(sftTime(i)),
    };
  });

  // a review action for every decided item, from the real actions (their snapshots re-labelled)
  const actionFor = (itemType: string, status: string) => {
    const verb = status === "accepted" ? "accept" : status === "rejected" ? "reject" : "edit";
    const t =
      actionTemplates.find(
        (a) => a.item_type === itemType && a.action === (verb === "edit" ? "accept" : verb),
      ) ?? actionTemplates[0]!;
    return { t, verb };
  };
  let actions = 0;
  const writeActions = (
    type: string,
    statusOf: (i: number) => string,
    idOf: (i: number) => string,
    timeOf: (i: number) => number,
  ) => {
    const insert = inserter(db, "review_actions", Object.keys(actionTemplates[0]!));
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const status = statusOf(i);
        if (status === "pending" || status === "discarded") continue;
        const { t, verb } = actionFor(type, status);
        const id = idOf(i);
        const swap = (json: unknown) => (json as string).split(t.item_id as string).join(id);
        const at = timeOf(i) + 3_600_000;
        insert({
          ...t,
          id: makeId(type === "sft" ? 8 : 9, i, at),
          item_id: id,
          user_id: pick(people.reviewerIds, i),
          action: verb,
          before_json: swap(t.before_json),
          after_json: swap(t.after_json),
          undone_at: null,
          created_at: timeAt(at),
        });
        actions++;
      }
    });
    for (let from = 0; from < size; from += 20_000) batch(from, Math.min(size, from + 20_000));
  };
  writeActions("sft", sftStatus, sftId, sftTime);
  writeActions("pair", decisionOf, pairId, pairTime);
  rows.review_actions = actions;

  const callTime = timeline(Math.ceil(size / 10), 20, 55);
  rows.model_calls = cloneInto(db, "model_calls", callTemplates[0]!, Math.ceil(size / 10), (i) => {
    const c = pick(callTemplates, i);
    const kind = jobKind.get(c.job_id as string) ?? "weak";
    return {
      ...c,
      id: makeId(10, i, callTime(i)),
      job_id: pick(clonesOf[kind]?.length ? clonesOf[kind]! : clonesOf.weak!, i),
      created_at: timeAt(callTime(i)),
    };
  });
  const auditTime = timeline(Math.ceil(size / 100), 0, 55);
  rows.audit_events = cloneInto(db, "audit_events", auditTemplates[0]!, Math.ceil(size / 100), (i) => ({
    ...pick(auditTemplates, i),
    id: makeId(11, i, auditTime(i)),
    created_at: timeAt(auditTime(i)),
  }));

  // the copied jobs' totals, from their items (right whether or not triggers keep them)
  db.prepare(
    `UPDATE jobs SET items_total = (SELECT count(*) FROM job_items WHERE job_id = jobs.id), items_done = (SELECT count(*) FROM job_items WHERE job_id = jobs.id AND status = 'done'), items_failed = 0
     WHERE id IN (${Object.values(clonesOf)
       .flat()
       .map(() => "?")
       .join(", ")})`,
  ).run(...Object.values(clonesOf).flat());
  return rows;
}
