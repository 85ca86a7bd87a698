// How often a job item is tried: one definition for the runner, its claims and its house-keeping.

/** Attempts an item gets when its step fails in a way worth retrying, unless its runner is given another number. */
export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * Leases an item may lose on top of its attempts (its runner died or stalled) before it is failed
 * as abandoned: a lost lease is not the step's fault, so it does not use up an attempt of its own.
 */
export const MAX_LOST_LEASES = 5;
