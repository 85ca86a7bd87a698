// Finding 9: an endpoint answers HTTP 200 with a body that is not JSON, then JSON of another shape;
// such replies left no model_calls row and failed the item as "internal".
import type { HostileCase } from "../hostile-case.mjs";
import { weakJobAgainst } from "../weak-job-against.mjs";

export const hostileCase: HostileCase = {
  name: "endpoint replies garbage / wrong-shape JSON",
  finding: "9",
  run: async (ctx) =>
    `not JSON: ${await weakJobAgainst(ctx, "garbage", { tasks: 4 })} | wrong shape: ${await weakJobAgainst(ctx, "bad-shape", { tasks: 4 })}`,
};
