// How a process of ours knows that the server on the demo port is our stand-in model server and not
// another program that happens to hold the port: the stand-in's /v1/models answer lists exactly its
// models, each owned by "sense-studio". Demo traffic (the demo-strong and demo-weak providers) goes
// only to a server that answers so.

export const LOCAL_MODELS = ["sense-demo-strong", "sense-demo-weak"];
export const STAND_IN_OWNER = "sense-studio";

/** The stand-in's /v1/models answer: the marker that identifies it. */
export const standInModelList = () => ({
  object: "list",
  data: LOCAL_MODELS.map((id) => ({ id, object: "model", created: 0, owned_by: STAND_IN_OWNER })),
});

/** ours: the stand-in answers there; foreign: something else does (reason in words); silent: nothing answers. */
export type StandInCheck = { answer: "ours" } | { answer: "foreign" | "silent"; reason: string };

const PROBE_TIMEOUT_MS = 2_000;

/** Asks `baseUrl` (…/v1) for its models and says whose server answers. */
export async function checkStandIn(baseUrl: string): Promise<StandInCheck> {
  const where = baseUrl.replace(/\/v1\/?$/, "");
  let response: Response;
  try {
    response = await fetch(`${baseUrl.replace(/\/$/, "")}/models`, {
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      redirect: "manual",
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { answer: "silent", reason: `nothing answers at ${where} (${cause})` };
  }
  const foreign = (why: string): StandInCheck => ({
    answer: "foreign",
    reason: `${where} is held by another program, not the stand-in model server: ${why}`,
  });
  if (!response.ok) {
    await response.body?.cancel();
    return foreign(`its /v1/models answered HTTP ${response.status}`);
  }
  const text = (await response.text()).slice(0, 64 * 1024);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return foreign("its /v1/models answer is not JSON");
  }
  const models = (body as { data?: unknown }).data;
  const ours =
    Array.isArray(models) &&
    models.length === LOCAL_MODELS.length &&
    LOCAL_MODELS.every((id) =>
      models.some(
        (m: { id?: unknown; owned_by?: unknown } | null) => m?.id === id && m.owned_by === STAND_IN_OWNER,
      ),
    );
  return ours
    ? { answer: "ours" }
    : foreign(`its models are not the stand-in's (${LOCAL_MODELS.join(", ")})`);
}

type Settled = { at: number; check: StandInCheck };
const KEEP_MS = { ours: 60_000, foreign: 5_000 }; // how long a process trusts what it found
const globalForChecks = globalThis as unknown as {
  senseStandInChecks?: { settled: Map<string, Settled>; pending: Map<string, Promise<StandInCheck>> };
};
const checks = (globalForChecks.senseStandInChecks ??= { settled: new Map(), pending: new Map() });

/**
 * Before demo traffic goes to `baseUrl`: null when the stand-in answers there (or nothing does: the
 * request then fails by itself), else why it is refused. Each process asks once a minute at most
 * (every 5 s while the answer is another program's, so freeing the port is noticed).
 */
export async function demoTrafficRefusal(baseUrl: string): Promise<string | null> {
  const known = checks.settled.get(baseUrl);
  let check =
    known && Date.now() - known.at < KEEP_MS[known.check.answer === "ours" ? "ours" : "foreign"]
      ? known.check
      : null;
  if (!check) {
    let pending = checks.pending.get(baseUrl);
    if (!pending) {
      pending = checkStandIn(baseUrl).finally(() => checks.pending.delete(baseUrl));
      checks.pending.set(baseUrl, pending);
    }
    check = await pending;
    if (check.answer !== "silent") checks.settled.set(baseUrl, { at: Date.now(), check });
  }
  return check.answer === "foreign" ? refusalMessage(check.reason) : null;
}

/** Why nothing of `provider`'s may be sent: a demo provider (ours) whose port another program holds; null when it may go. */
export async function demoProviderRefusal(provider: {
  managedBy?: string | null;
  baseUrl: string;
}): Promise<string | null> {
  return provider.managedBy === "demo" ? demoTrafficRefusal(provider.baseUrl) : null;
}

/** What a refused demo request (and the app's log) says. */
export const refusalMessage = (reason: string) =>
  `Demo model traffic refused: ${reason}. Free that port, or set SENSE_DEMO_MODEL_PORT to a free one, and start again.`;
