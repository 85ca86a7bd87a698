import { fieldLabel } from "@/lib/util/field-labels";

// A job's stored configuration as the job page lists it: one label and one value a row, in words,
// never as JSON. Pure: the page's client component imports it.

const labels: Record<string, string> = {
  kind: "Kind",
  tasks: "Tasks",
  source: "Source",
  metric: "Metric",
  keepPerTask: "Pairs kept per task",
  samples: "Samples per task",
  chosen: "Chosen side",
  maxPairsPerTask: "Most pairs per task",
  domains: "Domains",
  proposeDomains: "Domains the model proposes",
  databasesPerDomain: "Databases per domain",
  questionsPerDatabase: "Questions per database",
  difficultyMix: "Difficulty mix",
  temperature: "Temperature",
};

const labelOf = (key: string) => labels[key] ?? fieldLabel(key).replace(/^./, (c) => c.toUpperCase());

/** One value in words: lists joined, nested settings as "name value" pairs, yes/no for booleans. */
function inWords(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(inWords).join(", ") : "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object" && value !== null) {
    const parts = Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== "");
    return parts.length ? parts.map(([k, v]) => `${fieldLabel(k)} ${inWords(v)}`).join(", ") : "all";
  }
  return String(value);
}

/**
 * The rows of a job's configuration. The provider is left out (the page names it once, from the
 * job's provider: its name, model and base URL), as are unset settings.
 */
export function jobConfigRows(config: Record<string, unknown>): { label: string; value: string }[] {
  return Object.entries(config)
    .filter(([key, value]) => key !== "provider" && value !== undefined && value !== null)
    .map(([key, value]) => ({ label: labelOf(key), value: inWords(value) }));
}
