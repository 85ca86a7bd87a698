// Finding 7 (the other way to hold a runner): a reply whose body never ends; the SDK's timeout ends
// with the headers, so the item waited forever. Now it stops at the provider's time limit (3 s here).
import type { HostileCase } from "../hostile-case.mjs";
import { weakJobAgainst } from "../weak-job-against.mjs";

export const hostileCase: HostileCase = {
  name: "model reply that never ends",
  finding: "7",
  run: (ctx) => weakJobAgainst(ctx, "endless", { tasks: 2, timeoutMs: 3_000 }),
};
