// What the model-side hostile cases share: a provider at the hostile endpoint (made as an admin) and a
// weak job with it (started as a lead) over HTTP, watched until it ends; one line of what the app did.
import type { HostileContext } from "./hostile-case.mjs";

type JobRow = {
  id: string;
  status: string;
  result: string | null;
  itemsTotal: number;
  itemsDone: number;
  itemsFailed: number;
  modelCalls: number;
  failuresByKind: Record<string, number>;
};

async function send(
  ctx: HostileContext,
  role: "admin" | "lead",
  method: string,
  route: string,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(`${ctx.base}${route}`, {
    method,
    headers: {
      ...(await ctx.headers(role)),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** Runs a weak job of `tasks` demo tasks against `model` of the hostile endpoint; says how it ended and how long it took. */
export async function weakJobAgainst(
  ctx: HostileContext,
  model: string,
  options: { tasks?: number; timeoutMs?: number } = {},
): Promise<string> {
  const name = `hostile-${model}-${Date.now().toString(36)}`;
  const { connection } = (await send(ctx, "admin", "POST", "/api/providers", {
    name,
    baseUrl: ctx.modelBase,
    model,
    maxConcurrency: 4,
    timeoutMs: options.timeoutMs ?? 10_000,
  })) as { connection: { summary: string } };
  const { job } = (await send(ctx, "lead", "POST", "/api/jobs", {
    kind: "weak",
    provider: name,
    tasks: { origin: "demo", limit: options.tasks ?? 8 },
    samples: 2,
  })) as { job: { id: string } };
  const started = Date.now();
  for (;;) {
    const row = ((await send(ctx, "lead", "GET", "/api/jobs")) as JobRow[]).find((j) => j.id === job.id);
    if (row && !["running", "queued"].includes(row.status)) {
      const failures =
        Object.entries(row.failuresByKind)
          .map(([k, n]) => `${k} ${n}`)
          .join(", ") || "none";
      return `provider test: ${connection.summary} Job ${row.result ?? row.status} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${row.itemsDone} done, ${row.itemsFailed} failed of ${row.itemsTotal}, ${row.modelCalls} model calls recorded, failures: ${failures}`;
    }
    if (Date.now() - started > 180_000)
      return `job ${job.id} still ${row?.status ?? "unknown"} after 180 s (${row?.itemsDone ?? 0} done, ${row?.itemsFailed ?? 0} failed)`;
    await new Promise((r) => setTimeout(r, 500));
  }
}
