// What a job will ask of its model before it starts: requests, tokens and cost (pure).
import { writeQuestionsPayloads } from "@/lib/jobs/handlers/strong-context";
import type { JobConfig } from "@/lib/jobs/job-config";
import { planDifficulties } from "@/lib/synthesis/strong/difficulty-plan";

/** The assumptions of every estimate, shown beside it. */
export const ESTIMATE_ASSUMPTIONS = {
  charsPerToken: 4, // English prompt text and SQL: about 4 characters a token
  schemaTokens: 800, // a database's schema with its first rows, as the questions and weak-answer prompts carry it
  fewShotTokens: 200, // the two examples of the same hardness a questions request carries
  completionTokens: { domain: 15, question: 90, answer: 120 }, // tokens a proposed domain, a question with its SQL, a weak answer take
} as const;

export type EstimateProvider = {
  maxTokens: number;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
} | null;
/** Characters of each prompt template (system + user), placeholders unfilled. */
export type PromptSizes = Partial<
  Record<"strong-domains" | "strong-database" | "strong-questions" | "weak-answer", number>
>;

export type JobEstimate = {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  /** null when the provider has no prices, or the job uses no model. */
  costUsd: number | null;
  /** Why there is no cost, or what the total depends on. */
  notes: string[];
};

const tokens = (chars: number | undefined) => Math.ceil((chars ?? 0) / ESTIMATE_ASSUMPTIONS.charsPerToken);

/**
 * The estimate of a job from its configuration, the size of its prompt templates and its provider.
 * `taskCount` is the number of tasks a weak job will answer (its selection, capped by its limit).
 * Completion tokens are typical sizes (ESTIMATE_ASSUMPTIONS), a database at most the provider's max tokens.
 */
export function estimateJob(
  config: JobConfig,
  sizes: PromptSizes,
  provider: EstimateProvider,
  taskCount = 0,
): JobEstimate {
  if (config.kind === "mutation")
    return {
      requests: 0,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      notes: ["A mutation job calls no model: it costs nothing."],
    };
  const a = ESTIMATE_ASSUMPTIONS;
  const maxTokens = provider?.maxTokens ?? 1024;
  let requests = 0;
  let prompt = 0;
  let completion = 0;
  const notes: string[] = [];
  if (config.kind === "strong") {
    const databases = (config.domains.length + config.proposeDomains) * config.databasesPerDomain;
    const parts = writeQuestionsPayloads(
      "estimate",
      planDifficulties(config.questionsPerDatabase, config.difficultyMix),
    );
    if (config.proposeDomains) {
      requests += 1;
      prompt += tokens(sizes["strong-domains"]) + config.domains.length * 5;
      completion += Math.min(maxTokens, config.proposeDomains * a.completionTokens.domain);
      notes.push(`Counts ${config.proposeDomains} proposed domains as asked; the model may name fewer.`);
    }
    requests += databases * (1 + parts.length);
    prompt +=
      databases *
      (tokens(sizes["strong-database"]) +
        parts.length * (tokens(sizes["strong-questions"]) + a.schemaTokens + a.fewShotTokens));
    completion +=
      databases *
      (maxTokens +
        parts.reduce((sum, p) => sum + Math.min(maxTokens, p.count * a.completionTokens.question), 0));
  } else {
    requests = taskCount * config.samples;
    prompt = requests * (tokens(sizes["weak-answer"]) + a.schemaTokens);
    completion = requests * Math.min(maxTokens, a.completionTokens.answer);
    notes.push("A task whose requests fail is retried as a whole (up to 3 attempts): failures add to this.");
  }
  const priced = provider && provider.inputPricePerMTok !== null && provider.outputPricePerMTok !== null;
  if (!priced)
    notes.push(
      "This provider has no prices set: the cost cannot be estimated (set input and output prices per million tokens on the provider).",
    );
  const costUsd = priced
    ? (prompt * provider.inputPricePerMTok! + completion * provider.outputPricePerMTok!) / 1e6
    : null;
  return { requests, promptTokens: prompt, completionTokens: completion, costUsd, notes };
}
