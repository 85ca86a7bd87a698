import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/usage-error";
import { prisma } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { createJob } from "@/lib/jobs/create-job";
import type { JobConfigInput } from "@/lib/jobs/job-config";
import { formatCostUsd, knownCostUsd } from "@/lib/jobs/job-cost";
import { runWorker } from "@/lib/jobs/run-worker";
import { startEmbeddedModelServer } from "@/lib/model-server/embedded-model-server";
import { syncProviders } from "@/lib/providers/providers";
import { execPool } from "@/lib/sql/exec/exec-pool";
import { DIFFICULTIES } from "@/lib/synthesis/strong/difficulty-plan";
import { migrateStore } from "@/lib/store/prepare-store";
import { requireCliUser } from "@/lib/cli/cli-user";

const USAGE = "usage: sense synth strong|weak|mutate [options] [--wait] (see sense --help)";

const text = { type: "string" } as const;
const OPTIONS = {
  provider: text,
  wait: { type: "boolean" },
  temperature: text,
  metric: text,
  database: text,
  split: text,
  origin: text,
  difficulty: text,
  hardness: text,
  limit: text,
  domains: text,
  propose: text,
  "databases-per-domain": text,
  questions: text,
  mix: text,
  source: text,
  samples: text,
  chosen: text,
  "max-pairs": text,
  keep: text,
} as const;

const whole = (flag: string, value: string | undefined, min = 1) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${flag} must be a whole number of at least ${min}`);
  return n;
};
const decimal = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} must be a number`);
  return n;
};

/** --mix easy=2,medium=2,hard=1,extra=1 (levels left out weigh 0). */
function parseMix(value: string | undefined) {
  if (value === undefined) return undefined;
  const mix = { easy: 0, medium: 0, hard: 0, extra: 0 };
  for (const part of value.split(",")) {
    const [level, weight] = part.split("=");
    if (!DIFFICULTIES.includes(level as (typeof DIFFICULTIES)[number]) || weight === undefined)
      throw new UsageError(
        `--mix takes level=weight pairs over ${DIFFICULTIES.join(", ")}, e.g. easy=2,medium=2,hard=1,extra=1`,
      );
    mix[level as keyof typeof mix] = whole("mix", weight, 0)!;
  }
  return mix;
}

function configFor(kind: string, v: Record<string, string | boolean | undefined>): JobConfigInput {
  const s = (k: string) => v[k] as string | undefined;
  const tasks = {
    database: s("database"),
    split: s("split"),
    origin: s("origin"),
    difficulty: s("difficulty"),
    hardness: s("hardness"),
    limit: whole("limit", s("limit")),
  };
  if (kind === "mutate")
    return {
      kind: "mutation",
      tasks,
      metric: (s("metric") ?? "spider") as "spider",
      keepPerTask: whole("keep", s("keep")) ?? 2,
    };
  if (!s("provider"))
    throw new UsageError(`sense synth ${kind} needs --provider NAME (see sense provider list)`);
  if (kind === "weak") {
    return {
      kind: "weak",
      provider: s("provider")!,
      tasks,
      source: s("source") as "tasks",
      samples: whole("samples", s("samples")),
      temperature: decimal("temperature", s("temperature")),
      metric: s("metric") as "spider",
      chosen: s("chosen") as "gold",
      maxPairsPerTask: whole("max-pairs", s("max-pairs")),
    };
  }
  return {
    kind: "strong",
    provider: s("provider")!,
    domains:
      s("domains")
        ?.split(",")
        .map((d) => d.trim())
        .filter(Boolean) ?? [],
    proposeDomains: whole("propose", s("propose"), 0),
    databasesPerDomain: whole("databases-per-domain", s("databases-per-domain")),
    questionsPerDatabase: whole("questions", s("questions")),
    difficultyMix: parseMix(s("mix")),
    temperature: decimal("temperature", s("temperature")),
  };
}

/** `sense synth strong|weak|mutate …`: starts the same jobs as the Jobs page; --wait runs them here to the end. */
export async function runSynthCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: OPTIONS,
  });
  const [kind, ...extra] = positionals;
  if (!kind || !["strong", "weak", "mutate"].includes(kind) || extra.length) throw new UsageError(USAGE);
  const config = configFor(kind, values);
  migrateStore();
  const actor = await requireCliUser("jobs.manage");
  await syncProviders();
  // with --wait and a demo provider, the stand-in runs here when the app does not run it; a port
  // held by another program is refused before a job is made
  const named =
    values.wait && "provider" in config
      ? await prisma.provider.findUnique({ where: { name: config.provider } })
      : null;
  const modelServer = named?.managedBy === "demo" ? await startEmbeddedModelServer({ log: false }) : null;
  if (modelServer?.state === "refused") throw conflict(modelServer.message);
  const job = await createJob(config, actor);
  console.log(`Started ${job.kind} job ${job.id} with ${job.itemsTotal} work items.`);
  if (!values.wait) {
    console.log("The app's job runner (or `npm run worker`) will work on it; watch it on the Jobs page.");
    return 0;
  }
  await runWorker({ stopWhenIdle: true });
  await execPool().close();
  modelServer?.server?.close();
  const done = await prisma.job.findUniqueOrThrow({
    where: { id: job.id },
    include: {
      provider: { select: { inputPricePerMTok: true, outputPricePerMTok: true } },
      _count: { select: { pairs: true, sftSamples: true, calls: true } },
    },
  });
  const queued = await prisma.sftSample.count({ where: { jobId: job.id, status: "pending" } });
  const outputs =
    done.kind === "strong"
      ? `${queued} SFT samples queued for review (${done._count.sftSamples - queued} with SQL that fails)`
      : `${done._count.pairs} preference pairs queued for review`;
  console.log(`Job ${done.status}: ${done.itemsDone} items done, ${done.itemsFailed} failed; ${outputs}.`);
  const cost = knownCostUsd(done.costUsd, done.provider, done._count.calls);
  const costText =
    cost === null
      ? "cost unknown (the provider has no price per token)"
      : `estimated cost ${formatCostUsd(cost)}`;
  if (done._count.calls)
    console.log(
      `Model calls: ${done._count.calls}, tokens ${done.promptTokens} in / ${done.completionTokens} out, ${costText}.`,
    );
  return done.itemsFailed && !done.itemsDone ? 1 : 0;
}
