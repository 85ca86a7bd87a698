// Part of `npm run bench:scale`: requests to the app over HTTP, each with a timeout, timed from
// send to the last byte of the answer; series with a count and a deadline; Overview pollers.

export type Timing = { ms: number; status: number; timedOut: boolean; error?: string; body?: unknown };
export type Series = { times: number[]; timeouts: number; failures: number; n: number };

export class BenchClient {
  constructor(
    readonly base: string,
    readonly cookie: string,
    readonly timeoutMs: number,
  ) {}

  /** One request (JSON body for POST, the Origin header mutations need); never throws. */
  async send(method: "GET" | "POST", path: string, json?: unknown): Promise<Timing> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          cookie: this.cookie,
          origin: this.base,
          ...(json === undefined ? {} : { "content-type": "application/json" }),
        },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      const ms = performance.now() - t0;
      let body: unknown = undefined;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return { ms, status: res.status, timedOut: false, body };
    } catch (error) {
      const timedOut = (error as Error).name === "TimeoutError" || (error as Error).name === "AbortError";
      return { ms: performance.now() - t0, status: 0, timedOut, error: (error as Error).message };
    }
  }

  /** The same session with another timeout (setup steps that may be slow on a big store). */
  withTimeout(timeoutMs: number): BenchClient {
    return new BenchClient(this.base, this.cookie, timeoutMs);
  }

  /** Sends it and fails loudly unless the answer is 2xx (setup steps, not measurements). */
  async must<T>(method: "GET" | "POST", path: string, json?: unknown): Promise<T> {
    const r = await this.send(method, path, json);
    if (r.status < 200 || r.status >= 300)
      throw new Error(
        `bench-scale: ${method} ${path} answered ${r.status || r.error}: ${JSON.stringify(r.body)?.slice(0, 300)}`,
      );
    return r.body as T;
  }
}

/** Signs in over HTTP (POST /api/auth/sign-in) and returns a client with that session's cookie. */
export async function signIn(
  base: string,
  email: string,
  password: string,
  timeoutMs: number,
): Promise<BenchClient> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(Math.max(timeoutMs, 30_000)),
  });
  if (!res.ok) throw new Error(`bench-scale: sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return new BenchClient(base, (res.headers.get("set-cookie") ?? "").split(";")[0]!, timeoutMs);
}

export const emptySeries = (): Series => ({ times: [], timeouts: 0, failures: 0, n: 0 });

/** Adds one timing to a series: a timeout or an error (5xx, or no answer) is counted, not timed. */
export function record(series: Series, t: Timing): void {
  series.n++;
  if (t.timedOut) series.timeouts++;
  else if (t.status === 0 || t.status >= 500) series.failures++;
  else series.times.push(t.ms);
}

/**
 * Runs `step` up to `count` times, one after the other, stopping early at the deadline (but timing
 * one at least); with `warmUp`, once untimed first (a route's first request warms its caches).
 */
export async function runSeries(
  count: number,
  deadlineMs: number,
  step: (i: number) => Promise<Timing>,
  warmUp = false,
): Promise<Series> {
  const series = emptySeries();
  if (warmUp) await step(-1);
  const end = Date.now() + deadlineMs;
  for (let i = 0; i < count && (i === 0 || Date.now() < end); i++) record(series, await step(i));
  return series;
}

/**
 * Clients that each ask for /api/overview every `everyMs` (as an open Overview tab does: the next
 * request once the last has answered and the interval has passed), until stopped or the deadline.
 */
export function startPollers(
  clients: BenchClient[],
  everyMs: number,
  deadlineMs: number,
): { stop: () => Promise<Series> } {
  const series = emptySeries();
  const end = Date.now() + deadlineMs;
  let stopped = false;
  let wake: (() => void)[] = [];
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake.push(() => (clearTimeout(timer), resolve()));
    });
  const loops = clients.map(async (client, k) => {
    await pause((k * everyMs) / clients.length); // spread out, as tabs opened at different times are
    while (!stopped && Date.now() < end) {
      const t = await client.send("GET", "/api/overview");
      record(series, t);
      if (!stopped) await pause(Math.max(0, everyMs - t.ms));
    }
  });
  return {
    stop: async () => {
      stopped = true;
      for (const w of wake) w();
      wake = [];
      await Promise.all(loops);
      return series;
    },
  };
}
