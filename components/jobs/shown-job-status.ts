/**
 * A job's status as people read it. A paused or cancelled job finishes what its runners already
 * started: say so until it has ("pausing", "cancelling"). A done job says how it ended: done, done
 * with failures, or failed (every item failed).
 */
export const shownJobStatus = (job: { status: string; result: string | null; itemsInFlight: number }) =>
  job.itemsInFlight && job.status === "paused"
    ? "pausing"
    : job.itemsInFlight && job.status === "cancelled"
      ? "cancelling"
      : (job.result ?? job.status);
