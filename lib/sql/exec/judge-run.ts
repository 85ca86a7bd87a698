import "server-only";
import { GOLD_FAILED, describeFailure } from "@/lib/sql/exec/judge-candidates";
import type { ExecFailure, JudgeLine, JudgeRequest, JudgeResult, JudgeStep, JudgeTask, Metric } from "@/lib/sql/exec/exec-types";

const NOT_JUDGED = { match: false, predError: "not judged", reason: "the prediction failed" };

/**
 * The parent's side of one judge batch: keeps the verdicts as the child reports them and knows
 * which query runs. When that query has to be stopped (time limit, memory, a crash) it gets its own
 * failure, and a new process goes on after it: a runaway query costs its own limit, nothing more.
 */
export class JudgeRun {
  private readonly results: JudgeResult[];
  private readonly goldKnown: boolean[];
  private running: JudgeStep | null = null;
  /** Where a new process starts: this task's gold (run again), then its candidates from `candidate` on. */
  private from: JudgeStep = { task: 0, candidate: 0 };
  private over = false;

  constructor(
    private readonly tasks: JudgeTask[],
    private readonly metric: Metric,
    private readonly caps: { maxRows: number; maxBytes: number },
  ) {
    this.results = tasks.map(() => ({ goldError: null, goldCached: false, verdicts: [] }));
    this.goldKnown = tasks.map(() => false);
    this.over = tasks.length === 0;
  }

  /** The request that (re)starts the batch where it stands. */
  request(id: number): JudgeRequest {
    return { type: "judge", id, tasks: this.tasks, metric: this.metric, maxRows: this.caps.maxRows, maxBytes: this.caps.maxBytes, from: this.from };
  }

  /** Takes one progress line: "start" when a query started (its time limit counts from now), "end" when the request is over. */
  take(line: JudgeLine): "start" | "end" | null {
    switch (line[0]) {
      case "start":
        this.running = { task: line[2], candidate: line[3] };
        return "start";
      case "gold": {
        const task = line[2];
        // a batch resumed inside a task runs its gold again: the first report stands
        if (!this.goldKnown[task]) Object.assign(this.results[task]!, { goldError: line[3], goldCached: line[4] });
        this.goldKnown[task] = true;
        if (task > this.from.task) this.from = { task, candidate: 0 };
        this.running = null;
        return null;
      }
      case "verdict":
        this.results[line[2]]!.verdicts[line[3]] = line[4];
        this.moveAfter({ task: line[2], candidate: line[3] });
        this.running = null;
        return null;
      case "end":
        this.over = true;
        this.running = null;
        return "end";
    }
  }

  /**
   * The running query (or, between queries, the next one) was stopped with `failure`: it gets that
   * failure and the batch goes on after it. False when nothing is left to run.
   */
  stopped(failure: ExecFailure): boolean {
    const at = this.running ?? (this.goldKnown[this.from.task] ? this.from : { task: this.from.task, candidate: -1 });
    const task = this.tasks[at.task];
    if (!task) return !(this.over = true);
    const words = describeFailure(failure) ?? failure.message;
    const result = this.results[at.task]!;
    if (at.candidate === -1) {
      Object.assign(result, { goldError: words, goldCached: false, verdicts: task.candidates.map(() => GOLD_FAILED) });
      this.goldKnown[at.task] = true;
      this.from = { task: at.task + 1, candidate: 0 };
      if (this.from.task >= this.tasks.length) this.over = true;
    } else {
      result.verdicts[at.candidate] = { match: false, predError: words, reason: "the prediction failed" };
      this.moveAfter(at);
    }
    this.running = null;
    return !this.over;
  }

  /** Every task's result, in order. */
  judged(): JudgeResult[] {
    return this.results.map((r, t) => ({ ...r, verdicts: this.tasks[t]!.candidates.map((_, c) => r.verdicts[c] ?? NOT_JUDGED) }));
  }

  private moveAfter(step: JudgeStep): void {
    const count = this.tasks[step.task]!.candidates.length;
    this.from = step.candidate + 1 < count ? { task: step.task, candidate: step.candidate + 1 } : { task: step.task + 1, candidate: 0 };
    if (this.from.task >= this.tasks.length) this.over = true;
  }
}
