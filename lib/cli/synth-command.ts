import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/cli-output";
import { prisma } from "@/lib/db";
import { createMutationJob } from "@/lib/jobs/create-job";
import { runWorker } from "@/lib/jobs/run-worker";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { migrateStore } from "@/lib/store/prepare-store";

/** `sense synth mutate [filters] [--keep N] [--wait]`: starts a mutation job (the same as the Jobs page). */
export async function runSynthCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      database: { type: "string" },
      split: { type: "string" },
      origin: { type: "string" },
      difficulty: { type: "string" },
      hardness: { type: "string" },
      limit: { type: "string" },
      keep: { type: "string" },
      metric: { type: "string" },
      wait: { type: "boolean" },
    },
  });
  const [kind, ...extra] = positionals;
  if (kind !== "mutate" || extra.length) {
    throw new UsageError(kind === "strong" || kind === "weak" ? `sense synth ${kind} needs a model provider, which is not built yet; use "sense synth mutate"` : "usage: sense synth mutate [--database D] [--split S] [--origin O] [--limit N] [--keep K] [--wait]");
  }
  const number = (flag: string, value: string | undefined) => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive whole number`);
    return n;
  };
  migrateStore();
  const { database, split, origin, difficulty, hardness } = values;
  const job = await createMutationJob({
    kind: "mutation",
    metric: values.metric ?? "spider",
    keepPerTask: number("keep", values.keep) ?? 2,
    tasks: { database, split, origin, difficulty, hardness, limit: number("limit", values.limit) },
  });
  console.log(`Started mutation job ${job.id} over ${job.itemsTotal} tasks.`);
  if (!values.wait) {
    console.log("The app's job runner (or `npm run worker`) will work on it; watch it on the Jobs page.");
    return 0;
  }
  await runWorker({ stopWhenIdle: true });
  await execPool().close();
  const done = await prisma.job.findUniqueOrThrow({ where: { id: job.id }, include: { _count: { select: { pairs: true } } } });
  console.log(`Job ${done.status}: ${done.itemsDone} done, ${done.itemsFailed} failed, ${done._count.pairs} preference pairs queued for review.`);
  return 0;
}
