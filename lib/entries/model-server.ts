// `npm run model-server -- [--port 8787] [--host 127.0.0.1] [--latency-ms N] [--every-429 N]
// [--retry-after-seconds S] [--every-500 N] [--every-garbage N] [--every-hang N]`: the local stand-in
// for a real model in a process of its own. It reads the flags into a fault plan (exit 2 when one is
// wrong) and serves createModelServer (lib/model-server/model-server.ts) on the port until stopped;
// the app runs the same server in its own process instead (lib/model-server/embedded-model-server.ts).
import { parseArgs } from "node:util";
import { faultPlanSchema } from "@/lib/model-server/fault-plan";
import { createModelServer } from "@/lib/model-server/model-server";
import { LOCAL_MODELS } from "@/lib/model-server/stand-in-identity";

const flags = [
  "port",
  "host",
  "latency-ms",
  "every-429",
  "retry-after-seconds",
  "every-500",
  "every-garbage",
  "every-hang",
] as const;
const { values } = parseArgs({
  options: Object.fromEntries(flags.map((f) => [f, { type: "string" as const }])),
  strict: true,
});
const fieldOf: Record<string, string> = {
  "latency-ms": "latencyMs",
  "every-429": "every429",
  "retry-after-seconds": "retryAfterSeconds",
  "every-500": "every500",
  "every-garbage": "everyGarbage",
  "every-hang": "everyHang",
};
const flagOf = Object.fromEntries(Object.entries(fieldOf).map(([flag, field]) => [field, flag]));
const plan = faultPlanSchema.safeParse(
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (fieldOf[k] ? [[fieldOf[k], v]] : []))),
);
if (!plan.success) {
  console.error(
    `model-server: ${plan.error.issues.map((i) => `--${flagOf[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("; ")}`,
  );
  process.exit(2);
}
const port = Number(values.port ?? 8787);
const host = values.host ?? "127.0.0.1";
const { server } = createModelServer(plan.data);
server.listen(port, host, () => {
  console.log(
    `Local model server (a stand-in for a real model) on http://${host}:${port}/v1 — models: ${LOCAL_MODELS.join(", ")}`,
  );
});
