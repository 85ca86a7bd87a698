// Part of `npm run bench:scale`: what one filled store feels like over HTTP. Every endpoint alone,
// then again while 3 clients poll /api/overview every 2 s and 2 jobs run, then review accepts while
// 4 `npm run worker` processes run jobs on the same store.
import {
  type BenchClient,
  record,
  runSeries,
  signIn,
  startPollers,
  emptySeries,
  type Series,
  type Timing,
} from "./bench-scale-http.mjs";
import { BENCH_PASSWORD, benchAccounts } from "./bench-scale-fill.mjs";

export type Cell = { series: Series } | { text: string };
export type Results = Map<string, Cell>;
export type Limits = {
  count: number;
  seriesMs: number;
  reviewActions: number;
  reviewMs: number;
  timeoutMs: number;
  stopAt: number;
};
type JobView = { id: string; status: string; itemsDone: number; itemsFailed: number; itemsTotal: number };

const LOADED = " · loaded";

/** The requests of the table, as [label, the request]: the Tasks deep page found by paging first. */
async function endpointRows(
  lead: BenchClient,
  searchWord: string,
  middleTaskId: string | null,
): Promise<[string, (c: BenchClient) => Promise<Timing>][]> {
  const first = await lead.must<{ total?: number; pageSize?: number; nextCursor?: string | null }>(
    "GET",
    "/api/tasks",
  );
  // keyset paging: the page after the task in the middle of the list; offset paging (older code): the middle page
  const deep =
    "nextCursor" in first && middleTaskId
      ? `/api/tasks?after=${encodeURIComponent(middleTaskId)}`
      : `/api/tasks?page=${Math.max(1, Math.floor((first.total ?? 0) / (first.pageSize ?? 50) / 2))}`;
  const get = (path: string) => (c: BenchClient) => c.send("GET", path);
  return [
    ["GET /api/overview", get("/api/overview")],
    ["GET /api/health", get("/api/health")],
    ["GET /api/tasks (first page)", get("/api/tasks")],
    [`GET /api/tasks (deep page: ${deep.includes("after=") ? "keyset" : "page="})`, get(deep)],
    [`GET /api/tasks?q=${searchWord}`, get(`/api/tasks?q=${encodeURIComponent(searchWord)}`)],
    ["GET /api/tasks/facets", get("/api/tasks/facets")],
    ["GET /api/jobs", get("/api/jobs")],
  ];
}

/** A reviewer at work: deck (which claims), accept the item on screen, deck again… */
async function review(
  reviewer: BenchClient,
  queue: "sft" | "pairs",
  count: number,
  deadlineMs: number,
  warmUp = false,
) {
  const deck = emptySeries();
  const accept = emptySeries();
  let conflicts = 0;
  if (warmUp) await reviewer.send("POST", "/api/review/deck", { queue }); // not timed: the first request of a route is slow
  const end = Date.now() + deadlineMs;
  for (let i = 0; i < count && (i === 0 || Date.now() < end); i++) {
    const d = await reviewer.send("POST", "/api/review/deck", { queue });
    record(deck, d);
    const id = (d.body as { items?: { id: string }[] } | undefined)?.items?.[0]?.id;
    if (!id) continue;
    const a = await reviewer.send("POST", `/api/review/${queue}/${id}/accept`, {});
    record(accept, a);
    if (a.status === 409) conflicts++;
  }
  return { deck, accept, conflicts };
}

const startJobs = async (lead: BenchClient, limit: number) => [
  (await lead.must<{ job: JobView }>("POST", "/api/jobs", { kind: "mutation", tasks: { limit } })).job.id,
  (
    await lead.must<{ job: JobView }>("POST", "/api/jobs", {
      kind: "weak",
      provider: "demo-weak",
      tasks: { limit },
      samples: 4,
    })
  ).job.id,
];
const jobsNow = async (lead: BenchClient, ids: string[]) =>
  (
    await lead
      .must<JobView[] | { jobs: JobView[] }>("GET", "/api/jobs")
      .then((r) => (Array.isArray(r) ? r : r.jobs))
  ).filter((j) => ids.includes(j.id));
const itemsHandled = (jobs: JobView[]) => jobs.reduce((n, j) => n + j.itemsDone + j.itemsFailed, 0);
const cancelJobs = (lead: BenchClient, ids: string[]) =>
  Promise.all(ids.map((id) => lead.send("POST", `/api/jobs/${id}/cancel`)));

/** Measures every row alone and loaded on the app at `base`; `startWorkers` starts the 4 runners. */
export async function measureStore(
  base: string,
  searchWord: string,
  middleTaskId: string | null,
  limits: Limits,
  startWorkers: () => Promise<() => Promise<void>>,
): Promise<Results> {
  const results: Results = new Map();
  const login = (email: string) => signIn(base, email, BENCH_PASSWORD, limits.timeoutMs);
  const lead = await login(benchAccounts.lead.email);
  const pollers = await Promise.all([0, 1, 2].map(() => login(benchAccounts.lead.email)));
  const [r1, r2, r3, r4] = await Promise.all(benchAccounts.reviewers.map((r) => login(r.email)));
  const setup = lead.withTimeout(180_000); // starting jobs and finding the deep page, not measured
  const rows = await endpointRows(setup, searchWord, middleTaskId);
  const timeLeft = () => limits.stopAt - Date.now();

  const measureAll = async (suffix: string) => {
    for (const [label, request] of rows) {
      if (timeLeft() <= 0) results.set(label + suffix, { text: "skipped (run deadline)" });
      else
        results.set(label + suffix, {
          series: await runSeries(
            limits.count,
            Math.min(limits.seriesMs, timeLeft()),
            () => request(lead),
            suffix === "",
          ),
        });
    }
    for (const [queue, reviewer] of [
      ["sft", r1!],
      ["pairs", r2!],
    ] as const) {
      const r = await review(
        reviewer,
        queue,
        limits.count,
        Math.min(limits.seriesMs, Math.max(0, timeLeft())),
        suffix === "",
      );
      results.set(`review deck POST /api/review/deck (${queue})${suffix}`, { series: r.deck });
      results.set(`review accept (${queue})${suffix}`, { series: r.accept });
    }
  };

  await measureAll("");

  // loaded: 3 Overview pollers every 2 s and 2 jobs (a mutation job and a weak one on the stand-in model)
  const jobIds = await startJobs(setup, 50_000);
  const loadStart = Date.now();
  const polling = startPollers(pollers, 2_000, Math.max(0, timeLeft()));
  await measureAll(LOADED);
  const polled = await polling.stop();
  const jobs = await jobsNow(setup, jobIds);
  await cancelJobs(setup, jobIds);
  results.set(`the 3 pollers' GET /api/overview${LOADED}`, { series: polled });
  const loadSeconds = (Date.now() - loadStart) / 1000;
  results.set(`the 2 jobs meanwhile (items/s; still running)`, {
    text: `${(itemsHandled(jobs) / loadSeconds).toFixed(1)}/s; ${jobs.filter((j) => j.status === "running").length}/2 running`,
  });

  // 4 worker processes on the same store, while a reviewer claims and accepts
  const stopWorkers = await startWorkers();
  try {
    const multiJobs = [...(await startJobs(setup, 50_000)), ...(await startJobs(setup, 50_000))];
    const t0 = Date.now();
    const failed = { deck: 0, accept: 0, conflicts: 0, done: 0 };
    const decks = emptySeries();
    const accepts = emptySeries();
    const end = Date.now() + Math.min(limits.reviewMs, Math.max(0, timeLeft()));
    let turn = 0;
    while (failed.done < limits.reviewActions && Date.now() < end) {
      const queue = turn++ % 2 ? "pairs" : "sft";
      const r = await review(queue === "sft" ? r3! : r4!, queue, 10, end - Date.now());
      decks.times.push(...r.deck.times);
      accepts.times.push(...r.accept.times);
      for (const [to, from] of [
        [decks, r.deck],
        [accepts, r.accept],
      ] as const)
        Object.assign(to, {
          n: to.n + from.n,
          timeouts: to.timeouts + from.timeouts,
          failures: to.failures + from.failures,
        });
      failed.deck += r.deck.failures + r.deck.timeouts;
      failed.accept += r.accept.failures + r.accept.timeouts;
      failed.conflicts += r.conflicts;
      failed.done += r.accept.n;
    }
    const handled = itemsHandled(await jobsNow(setup, multiJobs));
    await cancelJobs(setup, multiJobs);
    const rate = failed.done ? ((100 * failed.accept) / failed.done).toFixed(1) : "n/a";
    results.set("4 workers: failed review accepts (5xx/timeout)", {
      text: `${failed.accept} of ${failed.done} (${rate}%)`,
    });
    results.set("4 workers: failed deck requests; accepts refused 409", {
      text: `${failed.deck}; ${failed.conflicts}`,
    });
    results.set("4 workers: review deck (sft and pairs)", { series: decks });
    results.set("4 workers: review accept", { series: accepts });
    results.set("4 workers: job items handled meanwhile", {
      text: `${handled} (${(handled / ((Date.now() - t0) / 1000)).toFixed(1)}/s)`,
    });
  } finally {
    await stopWorkers();
  }
  return results;
}
