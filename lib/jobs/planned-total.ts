import { writeQuestionsPayloads } from "@/lib/jobs/handlers/strong-context";
import type { StrongJobConfig } from "@/lib/jobs/job-config";
import type { StrongPlanFacts } from "@/lib/jobs/strong-plan-facts";
import { planDifficulties } from "@/lib/synthesis/strong/difficulty-plan";

/**
 * The items a strong job will have, planned from its configuration: a strong job finds its
 * write-questions items only as each database is built, so its stored total grows as it runs
 * (3/17 → 5/25). Known up front: domains × databases per domain × (1 build + the question
 * requests per database). A job that lets the model propose domains cannot know how many it will
 * name (fewer than asked, or near duplicates dropped): its total is "still being discovered"
 * (`total` then counts only the items known so far, and no ETA is given) until the proposal has
 * ended; from then on it is planned with the domains proposed, plus the proposal's own item.
 * A build that failed for good counts as its one (failed) item: its questions never come.
 * Once the job is over, its stored total is the count.
 */
export function plannedStrongTotal(
  config: StrongJobConfig,
  job: { status: string; itemsTotal: number },
  facts: StrongPlanFacts,
): { total: number; discovering: boolean } {
  if (job.status === "done" || job.status === "failed" || job.status === "cancelled")
    return { total: job.itemsTotal, discovering: false };
  if (config.proposeDomains > 0 && !facts.proposalEnded) return { total: job.itemsTotal, discovering: true };
  const questionRequests = writeQuestionsPayloads(
    "planned",
    planDifficulties(config.questionsPerDatabase, config.difficultyMix),
  ).length;
  const domains = config.domains.length + (config.proposeDomains > 0 ? facts.proposedDomains : 0);
  const databases = domains * config.databasesPerDomain;
  const planned =
    databases * (1 + questionRequests) -
    facts.failedBuilds * questionRequests +
    (config.proposeDomains > 0 ? 1 : 0);
  return { total: Math.max(planned, job.itemsTotal), discovering: false };
}
