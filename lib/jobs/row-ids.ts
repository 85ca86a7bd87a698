import crypto from "node:crypto";

// random once per process (other runners, the app), then time and a counter: unique across
// processes without asking the system for randomness per row
const processTag = crypto.randomBytes(5).toString("hex");
let counter = 0;

/**
 * An id for a row the runner inserts in a batch (a multi-row INSERT returns no ids), in the shape
 * of the cuids Prisma makes: "c", the time, a counter and this process's tag; rising within one
 * process, so rows written together keep their order.
 */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${processTag}`;
}
