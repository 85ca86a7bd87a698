import "server-only";
import {
  ENGINE_NOT_STARTING,
  ENGINE_STOPPED,
  engineFailure,
  memoryFailure,
  timeoutFailure,
} from "@/lib/sql/exec/exec-limits";
import {
  ranOutOfMemory,
  startExecProcess,
  type ExecProcess,
  type ExitInfo,
} from "@/lib/sql/exec/exec-process";
import { processCpuMs } from "@/lib/sql/exec/process-cpu-time";
import type {
  ExecFailure,
  ExecRequest,
  JudgeProgress,
  Lane,
  ResourceCaps,
  RunResponse,
} from "@/lib/sql/exec/exec-types";

/** One request's worth of work for a process: a query, or a judge batch that may go on in another process. */
export interface ExecWork {
  readonly lane: Lane;
  /** The limit of each of its queries. */
  readonly timeoutMs: number;
  request(id: number): ExecRequest;
  /** The answer to a run request: the work is over. */
  answered(response: RunResponse): void;
  /** Progress of a judge request: "start" (a query was named), "moved" (the one named was done), "end" (the work is over) or null. */
  progress(progress: JudgeProgress): "start" | "moved" | "end" | null;
  /** The running query was stopped with `failure` (its process is gone). True: the rest goes on in another process. */
  stopped(failure: ExecFailure): boolean;
  /** No process can take it (they cannot start, or the pool closed). */
  refused(failure: ExecFailure): void;
}

/** Processes started and ended so far (a process stopped at a limit, or gone, counts as ended), running now, and working now. */
export type ExecStats = { processesStarted: number; processesEnded: number; processes: number; busy: number };

/** How many processes of a lane may work at once (`working`), and how many it keeps when idle (`base`). */
export type LaneSizes = Record<Lane, { base: number; working: number }>;

type Slot = {
  lane: Lane;
  proc: ExecProcess;
  ready: boolean;
  work: ExecWork | null;
  requestId: number;
  stepStarted: number;
  /** The process's CPU time when the step started (ms), when /proc could tell. */
  stepCpu: number | null;
  timer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  retiring: boolean;
};

const LANES: Lane[] = ["interactive", "jobs"];
const IDLE_MS = 30_000; // a process above its lane's base that waits this long is ended
/** A query is stopped past its limit in CPU time, and in any case past this many times it in wall time. */
const WALL_LIMITS = 10;

/**
 * Runs work in child processes, one request per process at a time, in two lanes that never share a
 * process: jobs cannot take the processes of interactive work however much of it waits. Every query
 * is timed by itself (a judge batch reports each query as it starts): past its limit, its process is
 * killed and replaced, the query gets its timeout, and a batch goes on with the rest in a new one.
 * The limit counts the CPU time the query's process used (read from /proc when the wall-clock limit
 * is reached), so that a query starved of a core by a busy machine is not taken for a runaway one;
 * WALL_LIMITS times the limit in wall time stops any query. Where /proc cannot tell, wall time counts.
 */
export class ExecScheduler {
  private readonly slots: Slot[] = [];
  private readonly queues: Record<Lane, ExecWork[]> = { interactive: [], jobs: [] };
  private nextId = 1;
  private closed = false;
  private startFailures = 0; // processes in a row that exited before they were ready
  private started = 0;
  private ended = 0;

  constructor(
    readonly caps: ResourceCaps,
    private readonly sizes: LaneSizes,
  ) {}

  submit(work: ExecWork, first = false): void {
    if (this.closed) return work.refused(engineFailure("The execution pool is closed.", 0));
    if (first) this.queues[work.lane].unshift(work);
    else this.queues[work.lane].push(work);
    this.dispatch();
  }

  stats(): ExecStats {
    return {
      processesStarted: this.started,
      processesEnded: this.ended,
      processes: this.slots.length,
      busy: this.slots.filter((s) => s.work).length,
    };
  }

  /**
   * Gives up `work` (its caller went away or cancelled): waiting, it leaves the queue; running, its
   * process is killed (the only way to stop SQLite's native step) and replaced. It hears `failure`.
   */
  cancel(work: ExecWork, failure: ExecFailure): void {
    const queue = this.queues[work.lane];
    const waiting = queue.indexOf(work);
    if (waiting !== -1) {
      queue.splice(waiting, 1);
      work.refused(failure);
      this.holdWhileBusy();
      return;
    }
    const slot = this.slots.find((s) => s.work === work);
    if (!slot) return; // answered already
    this.end(slot);
    work.refused(failure);
    this.dispatch();
  }

  close(): void {
    this.closed = true;
    for (const slot of this.slots.splice(0)) slot.proc.kill();
  }

  /**
   * Gives waiting work to idle processes, up to the lane's `working` at once. Once a lane is in use it
   * keeps one process more standing by (idle or starting): work waits for a process to start only
   * when the lane grows, and the replacement of a killed process is already there.
   */
  private dispatch(): void {
    for (const lane of LANES) {
      const queue = this.queues[lane];
      const { working } = this.sizes[lane];
      const ofLane = () => this.slots.filter((s) => s.lane === lane && !s.retiring);
      while (queue.length && ofLane().filter((s) => s.work).length < working) {
        const slot = ofLane().find((s) => s.ready && !s.work);
        if (!slot) break;
        this.assign(slot, queue.shift()!);
      }
      const slots = ofLane();
      const standing = slots.filter((s) => !s.work).length; // idle or starting
      const wanted =
        Math.min(queue.length, working - slots.filter((s) => s.work).length) + (slots.length ? 1 : 0);
      for (
        let n = standing;
        n < wanted && this.slots.filter((s) => s.lane === lane).length < working + 1;
        n++
      )
        this.spawn(lane);
    }
    this.holdWhileBusy();
  }

  private assign(slot: Slot, work: ExecWork): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    slot.work = work;
    slot.requestId = this.nextId++;
    this.startStep(slot);
    slot.proc.child.send(work.request(slot.requestId));
  }

  private spawn(lane: Lane): void {
    this.started++;
    const slot: Slot = {
      lane,
      proc: null as unknown as ExecProcess,
      ready: false,
      work: null,
      requestId: 0,
      stepStarted: 0,
      stepCpu: null,
      timer: null,
      idleTimer: null,
      retiring: false,
    };
    slot.proc = startExecProcess(this.caps, {
      ready: () => {
        slot.ready = true;
        this.startFailures = 0;
        this.endWhenIdle(slot);
        this.dispatch();
      },
      response: (message) => {
        if (!slot.work || message.id !== slot.requestId) return;
        slot.retiring ||= message.retire;
        slot.work.answered(message);
        this.finishWork(slot);
      },
      progress: (progress) => {
        const id = "started" in progress ? progress.started.id : progress.report.id;
        if (!slot.work || id !== slot.requestId) return;
        const said = slot.work.progress(progress);
        // a named query is timed from its start; when the one that ran was reported done, from now
        if (said === "start" && "started" in progress)
          this.startStep(
            slot,
            Math.min(performance.now(), performance.now() - (Date.now() - progress.started.at)),
            progress.started.cpu,
          );
        else if (said === "moved") this.startStep(slot);
        else if (said === "end") {
          slot.retiring ||= "report" in progress && !!progress.report.end?.retire;
          this.finishWork(slot);
        }
      },
      gone: (info) => this.gone(slot, info),
    });
    this.slots.push(slot);
  }

  /**
   * A query starts (now, or at `at`, when the process had used `cpu` ms): its limit counts from
   * there. One timer per process, moved on as queries start.
   */
  private startStep(slot: Slot, at = performance.now(), cpu?: number): void {
    slot.stepStarted = at;
    slot.stepCpu = cpu ?? processCpuMs(slot.proc.child.pid);
    slot.timer ??= setTimeout(() => this.checkTime(slot), slot.work!.timeoutMs);
  }

  private checkTime(slot: Slot): void {
    slot.timer = null;
    // progress that arrived with the timer is read first (I/O comes before immediates)
    setImmediate(() => {
      const work = slot.work;
      if (!work || slot.timer) return;
      const elapsed = performance.now() - slot.stepStarted;
      // past the limit in wall time: it stops if it used as much CPU (or cannot tell), or past the backstop
      const cpuNow = slot.stepCpu === null ? null : processCpuMs(slot.proc.child.pid);
      const used = cpuNow === null ? elapsed : cpuNow - slot.stepCpu!;
      const left = Math.min(work.timeoutMs - Math.min(elapsed, used), work.timeoutMs * WALL_LIMITS - elapsed);
      if (left > 0) slot.timer = setTimeout(() => this.checkTime(slot), Math.max(left, 10));
      else this.stop(slot, timeoutFailure(work.timeoutMs, Math.round(elapsed)));
    });
  }

  /** Ends a process in the middle of its work; the work hears why and may go on elsewhere. */
  private stop(slot: Slot, failure: ExecFailure): void {
    const work = slot.work;
    this.end(slot);
    if (work) this.afterStop(work, failure);
    this.dispatch();
  }

  /** Ends a process that had started; its lane gets a new one at once when it falls below its base. */
  private end(slot: Slot): void {
    this.remove(slot);
    slot.proc.kill();
    this.replenish(slot.lane);
  }

  private replenish(lane: Lane): void {
    if (!this.closed && this.slots.filter((s) => s.lane === lane).length < this.sizes[lane].base)
      this.spawn(lane);
  }

  private afterStop(work: ExecWork, failure: ExecFailure): void {
    if (this.closed) work.refused(failure);
    else if (work.stopped(failure)) this.submit(work, true);
  }

  private finishWork(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.work = null;
    if (slot.retiring) this.end(slot);
    else this.endWhenIdle(slot);
    this.dispatch();
  }

  /** A process idle for IDLE_MS is ended while its lane has more than `base` and another one standing by. */
  private endWhenIdle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      const ofLane = this.slots.filter((s) => s.lane === slot.lane);
      if (
        slot.work ||
        !ofLane.includes(slot) ||
        ofLane.length <= this.sizes[slot.lane].base ||
        ofLane.filter((s) => !s.work).length < 2
      )
        return;
      this.remove(slot);
      slot.proc.kill();
    }, IDLE_MS);
    slot.idleTimer.unref();
  }

  private gone(slot: Slot, info: ExitInfo): void {
    if (!this.slots.includes(slot)) return; // ended by the pool
    this.remove(slot);
    if (slot.ready) this.replenish(slot.lane);
    if (!slot.ready && ++this.startFailures >= 3) {
      // the processes cannot start (broken install?): answer what waits instead of retrying forever
      this.startFailures = 0;
      console.error(
        `[exec] the SQL execution process could not start${info.error ? `: ${info.error.message}` : ` (exit code ${info.code}, signal ${info.signal})`}`,
      );
      for (const lane of LANES)
        for (const waiting of this.queues[lane].splice(0))
          waiting.refused(engineFailure(ENGINE_NOT_STARTING, 0));
      this.holdWhileBusy();
      return;
    }
    const work = slot.work;
    if (work) {
      if (slot.timer) clearTimeout(slot.timer);
      const elapsed = Math.round(performance.now() - slot.stepStarted);
      this.afterStop(
        work,
        ranOutOfMemory(info) ? memoryFailure(this.caps, elapsed) : engineFailure(ENGINE_STOPPED, elapsed),
      );
    }
    if (!this.closed) this.dispatch();
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    this.slots.splice(index, 1);
    this.ended++;
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.timer = slot.idleTimer = null;
  }

  /**
   * Processes keep this one alive only while there is work: an idle pool must not stop a CLI or a
   * test from exiting, and a busy one must, even while a process is still starting.
   */
  private holdWhileBusy(): void {
    const busy = LANES.some((lane) => this.queues[lane].length > 0) || this.slots.some((s) => s.work);
    for (const { proc } of this.slots) {
      const channel = proc.child.channel as unknown as { ref?: () => void; unref?: () => void } | undefined;
      const handles = [proc.child, channel, ...proc.pipes];
      for (const handle of handles) {
        if (busy) handle?.ref?.();
        else handle?.unref?.();
      }
    }
  }
}
