import "server-only";
import { failedGold, judgeFailure } from "@/lib/sql/exec/judge-candidates";
import { JudgeRun } from "@/lib/sql/exec/judge-run";
import type { ExecWork } from "@/lib/sql/exec/exec-scheduler";
import type {
  ExecFailure,
  ExecResult,
  JudgeProgress,
  JudgeResult,
  JudgeTask,
  Lane,
  Metric,
  RunRequest,
  RunResponse,
} from "@/lib/sql/exec/exec-types";

/** One query: its rows or its error, a timeout or a cap in words. */
export class RunWork implements ExecWork {
  constructor(
    readonly lane: Lane,
    readonly timeoutMs: number,
    private readonly query: Omit<RunRequest, "id" | "type">,
    private readonly resolve: (result: ExecResult) => void,
  ) {}

  request(id: number): RunRequest {
    return { type: "run", id, ...this.query };
  }
  answered(response: RunResponse): void {
    this.resolve(response.result);
  }
  progress(): null {
    return null;
  }
  stopped(failure: ExecFailure): boolean {
    this.resolve(failure);
    return false;
  }
  refused(failure: ExecFailure): void {
    this.resolve(failure);
  }
}

/** A judge batch: verdicts as they come; a stopped query gets its failure and the batch goes on. */
export class JudgeWork implements ExecWork {
  private readonly run: JudgeRun;

  constructor(
    readonly lane: Lane,
    readonly timeoutMs: number,
    private readonly tasks: JudgeTask[],
    metric: Metric,
    caps: { maxRows: number; maxBytes: number },
    private readonly resolve: (results: JudgeResult[]) => void,
  ) {
    this.run = new JudgeRun(tasks, metric, caps);
  }

  request(id: number) {
    return this.run.request(id);
  }
  answered(): void {}
  progress(progress: JudgeProgress): "start" | "moved" | "end" | null {
    const said = this.run.take(progress);
    if (said === "end") this.resolve(this.run.judged());
    return said;
  }
  stopped(failure: ExecFailure): boolean {
    if (this.run.stopped(failure)) return true;
    this.resolve(this.run.judged());
    return false;
  }
  refused(failure: ExecFailure): void {
    this.resolve(this.tasks.map((task) => failedGold(task, judgeFailure(failure))));
  }
}
