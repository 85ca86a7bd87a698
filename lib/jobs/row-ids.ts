import crypto from "node:crypto";

let counter = 0;

/**
 * An id for a row the runner inserts in a batch (createMany returns no ids), in the shape of the
 * cuids Prisma makes: "c", the time, a counter and randomness; unique across processes, and rising
 * within one process, so rows written together keep their order.
 */
export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `c${Date.now().toString(36)}${counter.toString(36).padStart(4, "0")}${crypto.randomBytes(6).toString("hex")}`;
}
