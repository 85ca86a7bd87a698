// Part of `npm run bench:scale`: fills one fresh store, in a process of its own (the parent sets
// SENSE_DATA_DIR etc. before this starts, so lib/ opens that store). First real rows through the
// domain (the demo seed, one small job of each kind run by the runner against the local stand-in
// model, accounts, a few review decisions), then those rows cloned up to the size asked for
// (scripts/bench-scale-clone.mts). Prints its figures as one line of JSON.
//   node --conditions=react-server --import tsx scripts/bench-scale-fill.mts <size>
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { cloneStore } from "./bench-scale-clone.mjs";

export const BENCH_PASSWORD = "bench password, long enough";
export const benchAccounts = {
  lead: { email: "lead@bench.test", name: "Bench Lead", role: "lead" as const },
  reviewers: [1, 2, 3, 4].map((i) => ({
    email: `reviewer${i}@bench.test`,
    name: `Bench Reviewer ${i}`,
    role: "annotator" as const,
  })),
};

export type FillResult = {
  size: number;
  domainSeconds: number;
  cloneSeconds: number;
  rows: Record<string, number>;
  searchWord: string;
  middleTaskId: string | null;
};

async function seedThroughDomain() {
  const { prisma } = await import("../lib/db");
  const { migrateStore } = await import("../lib/store/prepare-store");
  const { seedDemo } = await import("../lib/seed/seed-demo");
  const { syncProviders, createProvider } = await import("../lib/providers/providers");
  const { createAccount } = await import("../lib/auth/accounts");
  const { createJob } = await import("../lib/jobs/create-job");
  const { runWorker } = await import("../lib/jobs/run-worker");
  const { claimReviewItems } = await import("../lib/review/claim-review-items");
  const { runReviewAction } = await import("../lib/review/run-review-action");
  const { createModelServer } = await import("../lib/model-server/model-server");

  migrateStore();
  await syncProviders();
  await seedDemo();
  const lead = await createAccount(null, { ...benchAccounts.lead, password: BENCH_PASSWORD });
  const reviewers = [];
  for (const r of benchAccounts.reviewers)
    reviewers.push(await createAccount({ id: lead.id, via: "ui" }, { ...r, password: BENCH_PASSWORD }));

  // one job of each kind, run to the end by the runner, with the stand-in model on a free port
  const model = createModelServer();
  await new Promise<void>((resolve) => model.server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(model.server.address() as AddressInfo).port}/v1`;
  try {
    await createProvider({
      name: "bench-strong",
      baseUrl,
      model: "sense-demo-strong",
      maxConcurrency: 8,
      inputPricePerMTok: 2.5,
      outputPricePerMTok: 10,
    });
    await createProvider({ name: "bench-weak", baseUrl, model: "sense-demo-weak", maxConcurrency: 8 });
    const actor = { id: lead.id, via: "ui" as const };
    await createJob(
      { kind: "strong", provider: "bench-strong", domains: ["ferry timetables"], questionsPerDatabase: 12 },
      actor,
    );
    await createJob({ kind: "weak", provider: "bench-weak", tasks: { limit: 12 }, samples: 3 }, actor);
    await createJob({ kind: "mutation", tasks: { limit: 24 } }, actor);
    await runWorker({ stopWhenIdle: true, concurrency: 8 });
  } finally {
    await new Promise((resolve) => model.server.close(resolve));
  }

  // a few review decisions of each kind, as a reviewer makes them
  for (const [queue, reviewer] of [
    ["sft", reviewers[0]!],
    ["pairs", reviewers[1]!],
  ] as const) {
    const ids = await claimReviewItems(reviewer.id, queue, {}, { want: 4, leaseMs: 60_000 });
    for (const [i, id] of ids.entries()) {
      const action = i === 3 ? "reject" : "accept";
      await runReviewAction(
        reviewer,
        { queue, id, action },
        action === "reject" ? { reason: "wrong_sql" } : {},
      );
    }
  }
  const question = (
    await prisma.task.findFirstOrThrow({ where: { origin: "demo" }, orderBy: { createdAt: "asc" } })
  ).question;
  await prisma.$disconnect();
  const { env } = await import("../lib/env");
  // a word of a real question, for the text search
  const searchWord = question.split(/\W+/).find((w) => w.length >= 5) ?? question.split(" ")[0]!;
  return { dbFile: env.dbFile, leadId: lead.id, reviewerIds: reviewers.map((r) => r.id), searchWord };
}

if (import.meta.filename === path.resolve(process.argv[1] ?? "")) {
  const size = Number(process.argv[2]);
  if (!Number.isInteger(size) || size < 100)
    throw new Error("bench-scale-fill: give the size (at least 100)");
  const t0 = performance.now();
  const seeded = await seedThroughDomain();
  const t1 = performance.now();
  const rows = cloneStore(seeded.dbFile, size, { leadId: seeded.leadId, reviewerIds: seeded.reviewerIds });
  const t2 = performance.now();
  // the task in the middle of the list, for a deep keyset page (the page after it)
  const db = new Database(seeded.dbFile, { readonly: true });
  const middle = db
    .prepare("SELECT id FROM tasks ORDER BY id LIMIT 1 OFFSET ?")
    .get(Math.floor((rows.tasks ?? 0) / 2)) as { id: string } | undefined;
  db.close();
  const result: FillResult = {
    size,
    domainSeconds: (t1 - t0) / 1000,
    cloneSeconds: (t2 - t1) / 1000,
    rows,
    searchWord: seeded.searchWord,
    middleTaskId: middle?.id ?? null,
  };
  console.log(JSON.stringify(result));
}
