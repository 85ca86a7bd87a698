import { z } from "zod";
import { difficultyMixSchema } from "@/lib/synthesis/strong/difficulty-plan";
import { taskFiltersSchema } from "@/lib/tasks/task-filters";

/** Which tasks a job works on: the Tasks page's filters, plus an optional cap. */
export const jobTaskSelectionSchema = taskFiltersSchema
  .pick({ database: true, split: true, origin: true, difficulty: true, hardness: true })
  .extend({ limit: z.number().int().positive().max(1_000_000).optional() });
export type JobTaskSelection = z.infer<typeof jobTaskSelectionSchema>;

/** A weak job whose candidates come from SQL mutation instead of a model (offline weak source). */
export const mutationJobConfigSchema = z.object({
  kind: z.literal("mutation"),
  tasks: jobTaskSelectionSchema,
  metric: z.enum(["spider", "bird"]).default("spider"),
  keepPerTask: z.number().int().min(1).max(20).default(2),
});

export type MutationJobConfig = z.infer<typeof mutationJobConfigSchema>;
export type MutationJobConfigInput = z.input<typeof mutationJobConfigSchema>;

const providerName = z.string().trim().min(1, "choose a model provider");

/** SENSE strong data: the model writes databases per domain, then questions + SQL per difficulty. */
export const strongJobConfigSchema = z
  .object({
    kind: z.literal("strong"),
    provider: providerName,
    domains: z
      .array(z.string().trim().min(2, "a domain needs a name").max(80))
      .max(100)
      .default([])
      .transform((list) => [...new Map(list.map((d) => [d.toLowerCase(), d])).values()]), // each domain once
    proposeDomains: z.number().int().min(0).max(100).default(0), // domains the model proposes itself
    databasesPerDomain: z.number().int().min(1).max(20).default(1),
    questionsPerDatabase: z.number().int().min(1).max(200).default(8),
    difficultyMix: difficultyMixSchema.default({ easy: 2, medium: 2, hard: 1, extra: 1 }),
    temperature: z.number().min(0).max(2).optional(), // default: the provider's
  })
  .refine((c) => c.domains.length > 0 || c.proposeDomains > 0, {
    message: "give at least one domain, or let the model propose some",
    path: ["domains"],
  });

/** SENSE weak data: the weak model answers each task k times; wrong answers become rejected sides. */
export const weakJobConfigSchema = z.object({
  kind: z.literal("weak"),
  provider: providerName,
  source: z.enum(["tasks", "accepted-sft"]).default("tasks"), // task filters, or accepted strong samples
  tasks: jobTaskSelectionSchema.prefault({}),
  samples: z.number().int().min(1).max(32).default(4),
  temperature: z.number().min(0).max(2).default(0.8),
  metric: z.enum(["spider", "bird"]).default("spider"),
  chosen: z.enum(["gold", "correct-candidate"]).default("gold"),
  maxPairsPerTask: z.number().int().min(1).max(50).default(1), // SENSE's grouped-any-limit1 by default
});

export type StrongJobConfig = z.infer<typeof strongJobConfigSchema>;
export type StrongJobConfigInput = z.input<typeof strongJobConfigSchema>;
export type WeakJobConfig = z.infer<typeof weakJobConfigSchema>;
export type WeakJobConfigInput = z.input<typeof weakJobConfigSchema>;

/** Any job a lead can start: what POST /api/jobs, the Jobs page and `sense synth` accept. */
export const jobConfigSchema = z.discriminatedUnion("kind", [
  mutationJobConfigSchema,
  strongJobConfigSchema,
  weakJobConfigSchema,
]);
export type JobConfig = z.infer<typeof jobConfigSchema>;
export type JobConfigInput = z.input<typeof jobConfigSchema>;

/** The jobs a lead starts, which call a model or mutate SQL and fill the review queues. */
export const MODEL_JOB_KINDS = ["strong", "weak", "mutation"] as const satisfies readonly JobConfig["kind"][];

/**
 * Jobs the app starts for a dashboard export or import, on the same queue as model jobs (one item
 * each, run by the job runner, resumed by another runner when theirs dies). Their rows
 * (`exports`, `import_runs`) are what pages show; the Jobs list leaves these jobs out.
 */
export const exportJobConfigSchema = z.object({ kind: z.literal("export"), exportId: z.string().min(1) });
export const importJobConfigSchema = z.object({ kind: z.literal("import"), importRunId: z.string().min(1) });
export type FileJobConfig = z.infer<typeof exportJobConfigSchema> | z.infer<typeof importJobConfigSchema>;

/** Any job as stored: what a runner loads. */
export const storedJobConfigSchema = z.discriminatedUnion("kind", [
  mutationJobConfigSchema,
  strongJobConfigSchema,
  weakJobConfigSchema,
  exportJobConfigSchema,
  importJobConfigSchema,
]);
export type StoredJobConfig = z.infer<typeof storedJobConfigSchema>;
export type JobKind = StoredJobConfig["kind"];
