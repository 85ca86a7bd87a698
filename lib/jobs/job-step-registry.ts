import { z } from "zod";
import type { JobKind } from "@/lib/jobs/job-config";

// Every step a job item can be, with the job kind it belongs to and the shape of its payload: the
// one list that job creation, steps that add items, the bulk path and the runner all go through.
// A payload is checked against its schema when the item runs (an item whose payload does not fit
// fails at once with the reason, instead of being retried as an internal error).

const taskPayload = z.object({ taskId: z.string().min(1) });

export const jobSteps = {
  sample: { kind: "weak", payload: taskPayload },
  mutate: { kind: "mutation", payload: taskPayload },
  "propose-domains": { kind: "strong", payload: z.object({ count: z.number().int().positive() }) },
  "build-database": {
    kind: "strong",
    payload: z.object({ domain: z.string().min(1), index: z.number().int().nonnegative() }),
  },
  "write-questions": {
    kind: "strong",
    payload: z.object({
      databaseId: z.string().min(1),
      difficulty: z.string().min(1),
      count: z.number().int().positive(),
      part: z.number().int().nonnegative(),
    }),
  },
  "write-export": { kind: "export", payload: z.object({ exportId: z.string().min(1) }) },
  "import-folder": { kind: "import", payload: z.object({ importRunId: z.string().min(1) }) },
} as const satisfies Record<string, { kind: JobKind; payload: z.ZodType }>;

export type JobStep = keyof typeof jobSteps;
export type StepPayload<S extends JobStep> = z.infer<(typeof jobSteps)[S]["payload"]>;

export type ReadStep =
  | { [S in JobStep]: { ok: true; step: S; payload: StepPayload<S> } }[JobStep]
  | { ok: false; message: string };

const isStep = (step: string): step is JobStep => Object.hasOwn(jobSteps, step);

/** An item's step and payload as stored, checked against the registry and the kind of its job. */
export function readStep(step: string, payloadJson: string, jobKind: JobKind): ReadStep {
  if (!isStep(step)) return { ok: false, message: `No job step is called "${step}".` };
  if (jobSteps[step].kind !== jobKind)
    return {
      ok: false,
      message: `Step "${step}" belongs to ${jobSteps[step].kind} jobs, not to a ${jobKind} job.`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(payloadJson);
  } catch {
    return { ok: false, message: `The payload of this "${step}" item is not JSON.` };
  }
  const parsed = jobSteps[step].payload.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join(".") || "payload"}: ${i.message}`)
      .join("; ");
    return { ok: false, message: `The payload of this "${step}" item does not fit its step (${issues}).` };
  }
  return { ok: true, step, payload: parsed.data } as ReadStep;
}
