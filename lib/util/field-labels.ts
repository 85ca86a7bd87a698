// How fields are named in the sentences people read (see issue-sentences.ts). A key not listed here
// is read from its camelCase ("keepPerTask" -> "keep per task").

const labels: Record<string, string> = {
  baseUrl: "base URL",
  apiKey: "API key",
  apiKeyEnv: "API key variable",
  maxTokens: "maximum of tokens",
  maxConcurrency: "number of concurrent requests",
  requestsPerMin: "limit of requests per minute",
  tokensPerMin: "limit of tokens per minute",
  timeoutMs: "timeout (ms)",
  inputPricePerMTok: "price per million input tokens",
  outputPricePerMTok: "price per million output tokens",
  sql: "SQL",
  db: "database",
  dbId: "database",
  pageSize: "page size",
  newPassword: "new password",
  currentPassword: "current password",
  proposeDomains: "number of domains the model proposes",
  databasesPerDomain: "number of databases per domain",
  questionsPerDatabase: "number of questions per database",
  difficultyMix: "difficulty mix",
  keepPerTask: "number of pairs kept per task",
  maxPairsPerTask: "most pairs per task",
  samples: "number of samples per task",
  validation: "validation share",
  statuses: "statuses",
  serverPath: "server path",
  path: "path",
  from: "“from” time",
  to: "“to” time",
  before: "“before” cursor",
  after: "“after” cursor",
};

/** The words for a field: "baseUrl" -> "base URL", "keepPerTask" -> "keep per task". */
export function fieldLabel(key: string): string {
  if (!key) return "";
  return (
    labels[key] ??
    key
      .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
      .replace(/[_-]+/g, " ")
      .toLowerCase()
  );
}

/** A value a person gave, quoted, cut to 40 characters: long input is never echoed back whole. */
export function quoteShort(value: string, max = 40): string {
  const flat = value.replace(/\s+/g, " ");
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}

/** "preference pair" → "Preference pair": the first letter a capital, for headings and sentences. */
export const capitalized = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);
