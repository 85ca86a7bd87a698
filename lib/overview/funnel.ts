// The path of synthesized items to the trainer, stage by stage: what a lead asks first.
// Pure: built from counter maps (store_counters), so it costs nothing on a big store.

/** One stage: its count (null where the store does not know it, e.g. exports of one job) and a breakdown. */
export type FunnelStage = { stage: string; n: number | null; detail?: Record<string, number> };
export type Funnel = { sft: FunnelStage[]; pairs: FunnelStage[] };

const sum = (m: Map<string, number> | Record<string, number> | undefined) =>
  [...(m instanceof Map ? m.values() : Object.values(m ?? {}))].reduce((a, b) => a + b, 0);
const get = (m: Map<string, number> | undefined, k: string) => m?.get(k) ?? 0;
const reviewed = (m: Map<string, number> | undefined): FunnelStage => {
  const detail = { accepted: get(m, "accepted"), edited: get(m, "edited"), rejected: get(m, "rejected") };
  return { stage: "reviewed", n: detail.accepted + detail.edited + detail.rejected, detail };
};

/** SFT samples: SQL written → executed without error → queued for review → reviewed → exported. */
function sftFunnel(
  status: Map<string, number> | undefined,
  executedOk: number,
  exported: number | null,
): FunnelStage[] {
  const written = sum(status);
  return [
    { stage: "synthesized", n: written },
    { stage: "executed", n: executedOk, detail: { "SQL failed": written - executedOk } },
    {
      stage: "flagged for review",
      n: written - get(status, "discarded"),
      detail: { pending: get(status, "pending") },
    },
    reviewed(status),
    { stage: "exported", n: exported },
  ];
}

/** Preference data: answers → judged wrong → pairs queued for review → reviewed → exported. */
function pairsFunnel(
  verdicts: Map<string, number>,
  status: Map<string, number> | undefined,
  exported: number | null,
): FunnelStage[] {
  const answers = sum(verdicts);
  const correct = get(verdicts, "correct");
  return [
    { stage: "synthesized", n: answers },
    { stage: "executed", n: answers, detail: { correct, wrong: answers - correct } },
    { stage: "flagged for review", n: sum(status), detail: { pending: get(status, "pending") } },
    reviewed(status),
    { stage: "exported", n: exported },
  ];
}

/** The overall funnel from the store-wide counters and the rows written by exports. */
export function overallFunnel(c: {
  sftStatus?: Map<string, number>;
  strongExec?: Map<string, number>;
  candidateVerdicts?: Map<string, number>; // key: source \x1f verdict
  pairStatus?: Map<string, number>;
  exportedRows: { sft: number; pairs: number };
}): Funnel {
  const verdicts = new Map<string, number>();
  for (const [key, n] of c.candidateVerdicts ?? []) {
    const verdict = key.split("\x1f")[1] ?? "unknown";
    verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + n);
  }
  return {
    sft: sftFunnel(c.sftStatus, get(c.strongExec, "ok"), c.exportedRows.sft),
    pairs: pairsFunnel(verdicts, c.pairStatus, c.exportedRows.pairs),
  };
}

/** One job's funnel from its counters (`sample:`, `sft:`, `candidate:`, `pair:` keys); exports are not kept per job. */
export function jobFunnel(kind: string, counts: Map<string, number> | undefined): FunnelStage[] {
  const part = (prefix: string) =>
    new Map(
      [...(counts ?? [])].filter(([k]) => k.startsWith(prefix)).map(([k, n]) => [k.slice(prefix.length), n]),
    );
  if (kind === "strong") return sftFunnel(part("sft:"), get(part("sample:"), "ok"), null);
  return pairsFunnel(part("candidate:"), part("pair:"), null);
}
