import os from "node:os";
import path from "node:path";

/**
 * A path a person typed, made absolute the one way the CLI and the dashboard share: `~` is the
 * home folder, an absolute path stays, a relative one is taken from `base` (the CLI's working
 * folder; for the dashboard, the project folder where `npm start` and the README's commands run).
 */
export function resolveGivenPath(input: string, base: string): string {
  const typed = input.trim();
  if (typed === "~") return os.homedir();
  if (typed.startsWith("~/")) return path.join(os.homedir(), typed.slice(2));
  return path.resolve(base, typed);
}

/** How an error names a typed path: the absolute path looked at, and how it was reached. */
export function describeGivenPath(input: string, absolute: string, baseLabel: string): string {
  const typed = input.trim();
  return path.isAbsolute(typed) ? absolute : `${absolute} ("${typed}" taken from ${baseLabel})`;
}
