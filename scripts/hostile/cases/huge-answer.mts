// Finding 7: a model answers 50 MB; it was stored whole in candidates.raw_text (and the process grew to 1 GB).
import type { HostileCase } from "../hostile-case.mjs";
import { weakJobAgainst } from "../weak-job-against.mjs";

export const hostileCase: HostileCase = {
  name: "model answers 50 MB",
  finding: "7",
  run: (ctx) => weakJobAgainst(ctx, "huge"),
};
