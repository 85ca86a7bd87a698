import { writeQuestionsPayloads } from "@/lib/jobs/handlers/strong-context";
import type { StrongJobConfig } from "@/lib/jobs/job-config";
import { planDifficulties } from "@/lib/synthesis/strong/difficulty-plan";

/**
 * The items a strong job will have, planned from its configuration: a strong job finds its
 * write-questions items only as each database is built, so its stored total grows as it runs
 * (3/17 → 5/25). Known up front: (domains + proposed) × databases per domain × (1 build + the
 * question requests per database) + 1 proposal. The proposed domains are "still being discovered"
 * until the model has named them (it may name fewer than asked); a failed build's questions never come.
 */
export function plannedStrongTotal(config: StrongJobConfig, job: { status: string; itemsTotal: number }): { total: number; discovering: boolean } {
  if (job.status === "done" || job.status === "failed" || job.status === "cancelled") return { total: job.itemsTotal, discovering: false };
  const perDatabase = 1 + writeQuestionsPayloads("planned", planDifficulties(config.questionsPerDatabase, config.difficultyMix)).length;
  const databases = (config.domains.length + config.proposeDomains) * config.databasesPerDomain;
  const planned = databases * perDatabase + (config.proposeDomains ? 1 : 0);
  const discovering = config.proposeDomains > 0 && job.itemsTotal < planned; // an upper bound until the model has answered
  return { total: Math.max(planned, job.itemsTotal), discovering };
}
