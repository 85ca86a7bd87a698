import crypto from "node:crypto";
import type { Provider } from "@/lib/generated/prisma/client";
import type { StrongJobConfig } from "@/lib/jobs/job-config";
import type { StepPayload } from "@/lib/jobs/job-step-registry";
import type { ExecPool } from "@/lib/sql/exec/exec-pool";

/** What a strong job's steps work with: the job, its prompts (ids of prompt files), model and engine. */
export type StrongStepContext = {
  jobId: string;
  config: StrongJobConfig;
  prompts: Record<string, string>;
  provider: Provider;
  pool: ExecPool;
};

export type BuildDatabasePayload = StepPayload<"build-database">;
export type WriteQuestionsPayload = StepPayload<"write-questions">;

const QUESTIONS_PER_REQUEST = 10;

/**
 * The name a job's database gets: the same on every attempt, so a retried item finds it, and
 * different for every (domain, index) of the job (a hash of the exact domain text keeps domains
 * that read alike apart, e.g. names in other scripts).
 */
export function synthesizedDatabaseName(jobId: string, domain: string, index: number): string {
  const slug =
    domain
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "")
      .slice(0, 32) || "domain";
  const tag = crypto.createHash("sha1").update(domain).digest("hex").slice(0, 4);
  return `${slug}_${tag}_${jobId.slice(-6)}_${index + 1}`;
}

export function buildDatabasePayloads(config: StrongJobConfig, domains: string[]): BuildDatabasePayload[] {
  return domains.flatMap((domain) =>
    Array.from({ length: config.databasesPerDomain }, (_, index) => ({ domain, index })),
  );
}

/** The question-writing requests for one database: per difficulty, in parts of at most 10 questions. */
export function writeQuestionsPayloads(
  databaseId: string,
  plan: { difficulty: string; count: number }[],
): WriteQuestionsPayload[] {
  let part = 0;
  return plan.flatMap(({ difficulty, count }) => {
    const parts: WriteQuestionsPayload[] = [];
    for (let left = count; left > 0; left -= QUESTIONS_PER_REQUEST)
      parts.push({ databaseId, difficulty, count: Math.min(QUESTIONS_PER_REQUEST, left), part: part++ });
    return parts;
  });
}
