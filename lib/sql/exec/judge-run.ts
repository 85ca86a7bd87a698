import "server-only";
import { GOLD_FAILED, judgeFailure } from "@/lib/sql/exec/judge-candidates";
import type {
  CandidateVerdict,
  ExecFailure,
  JudgeProgress,
  JudgeRequest,
  JudgeResult,
  JudgeStep,
  JudgeTask,
  Metric,
} from "@/lib/sql/exec/exec-types";

const NOT_JUDGED: CandidateVerdict = {
  match: false,
  predError: { kind: "not_judged", message: "not judged" },
  reason: "the prediction failed",
};
const key = (step: JudgeStep) => `${step.task}:${step.candidate}`;

/**
 * The parent's side of one judge batch: keeps what the child reports and knows which query runs.
 * When that query has to be stopped (time limit, memory, a crash) it gets its own failure, and a
 * new process goes on from the first step not reported, leaving out the stopped one: a runaway
 * query costs its own limit, plus running again what was judged in the last few milliseconds.
 * Steps go task by task, each task's gold (candidate -1) before its candidates.
 */
export class JudgeRun {
  private readonly results: JudgeResult[];
  private readonly goldKnown: boolean[];
  private running: JudgeStep | null = null;
  /** The first step not reported yet. */
  private from: JudgeStep = { task: 0, candidate: -1 };
  /** Steps that were stopped (their failure is known): a resumed batch leaves them out. */
  private readonly skip = new Map<string, JudgeStep>();

  constructor(
    private readonly tasks: JudgeTask[],
    private readonly metric: Metric,
    private readonly caps: { maxRows: number; maxBytes: number },
  ) {
    this.results = tasks.map(() => ({ goldError: null, goldCached: false, verdicts: [] }));
    this.goldKnown = tasks.map(() => false);
  }

  /** The request that (re)starts the batch where it stands. */
  request(id: number): JudgeRequest {
    const from = { task: this.from.task, candidate: Math.max(0, this.from.candidate) };
    return {
      type: "judge",
      id,
      tasks: this.tasks,
      metric: this.metric,
      maxRows: this.caps.maxRows,
      maxBytes: this.caps.maxBytes,
      from,
      skip: [...this.skip.values()],
    };
  }

  /**
   * Takes progress: "start" when a query was named as running (its limit counts from its start),
   * "moved" when no query named still runs (the child reports as a query starts: one runs since now), "end"
   * when the request is over.
   */
  take(progress: JudgeProgress): "start" | "moved" | "end" | null {
    if ("started" in progress) {
      const named = { task: progress.started.task, candidate: progress.started.candidate };
      if (this.isReported(named)) return null; // done already: its report came first
      this.running = named;
      return "start";
    }
    const { report } = progress;
    for (const [task, goldError, goldCached] of report.gold) {
      // a batch resumed inside a task runs its gold again: the first report stands
      if (!this.goldKnown[task]) Object.assign(this.results[task]!, { goldError, goldCached });
      this.goldKnown[task] = true;
      this.reported({ task, candidate: -1 });
    }
    for (const [task, candidate, verdict] of report.verdicts) {
      this.results[task]!.verdicts[candidate] = verdict;
      this.reported({ task, candidate });
    }
    if (report.end) {
      this.running = null;
      return "end";
    }
    // the child reports as a query starts: unless the one named still runs, a query runs since now
    return this.running ? null : "moved";
  }

  /** Whether `step` comes before the first step not reported (it was reported, or stopped). */
  private isReported(step: JudgeStep): boolean {
    return (
      step.task < this.from.task || (step.task === this.from.task && step.candidate < this.from.candidate)
    );
  }

  /**
   * The running query (or, between queries, the next one) was stopped with `failure`: it gets that
   * failure. True while something is left to run.
   */
  stopped(failure: ExecFailure): boolean {
    const at = this.running ?? this.from;
    this.running = null;
    const task = this.tasks[at.task];
    if (!task) return false;
    const words = judgeFailure(failure);
    const result = this.results[at.task]!;
    if (at.candidate === -1) {
      Object.assign(result, {
        goldError: words,
        goldCached: false,
        verdicts: task.candidates.map(() => GOLD_FAILED),
      });
      this.goldKnown[at.task] = true;
    } else
      result.verdicts[at.candidate] = { match: false, predError: words, reason: "the prediction failed" };
    this.skip.set(key(at), at);
    this.moveOverKnown();
    return this.from.task < this.tasks.length;
  }

  /** Every task's result, in order. */
  judged(): JudgeResult[] {
    return this.results.map((r, t) => ({
      ...r,
      verdicts: this.tasks[t]!.candidates.map((_, c) => r.verdicts[c] ?? NOT_JUDGED),
    }));
  }

  private reported(step: JudgeStep): void {
    if (this.running && key(this.running) === key(step)) this.running = null;
    const next = this.after(step);
    // only forward: a resumed batch reports its task's gold again
    if (next.task > this.from.task || (next.task === this.from.task && next.candidate > this.from.candidate))
      this.from = next;
    this.moveOverKnown();
  }

  private after(step: JudgeStep): JudgeStep {
    const count = this.tasks[step.task]?.candidates.length ?? 0;
    return step.candidate + 1 < count
      ? { task: step.task, candidate: step.candidate + 1 }
      : { task: step.task + 1, candidate: -1 };
  }

  /** Past the steps whose outcome is known already (a stopped gold: its whole task). */
  private moveOverKnown(): void {
    while (this.from.task < this.tasks.length) {
      if (this.skip.has(key({ task: this.from.task, candidate: -1 })))
        this.from = { task: this.from.task + 1, candidate: -1 };
      else if (this.skip.has(key(this.from))) this.from = this.after(this.from);
      else return;
    }
  }
}
