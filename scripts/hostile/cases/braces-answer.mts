// Finding 3: a model answers 200,000 "{"; reading the SQL out of it used to take 51 s per answer.
import type { HostileCase } from "../hostile-case.mjs";
import { weakJobAgainst } from "../weak-job-against.mjs";

export const hostileCase: HostileCase = {
  name: "model answers 200,000 braces",
  finding: "3",
  run: (ctx) => weakJobAgainst(ctx, "braces"),
};
