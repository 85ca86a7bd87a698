// npm run bench:hostile runs each case in scripts/hostile/cases/ against one running app (a real
// `next start` with its embedded runner and local model server) while it measures /api/health and
// normal console queries. A case does its hostile thing once, as a user or a model would, and says
// in one line what the app answered.

export type Role = "admin" | "lead" | "researcher" | "annotator";

export type HostileContext = {
  /** The app, e.g. http://127.0.0.1:41234 */
  base: string;
  /** The app's SENSE_DATA_DIR (import roots include <dataDir>/imports). */
  dataDir: string;
  /** Base URL of the fake OpenAI-compatible endpoint the bench runs (see hostile-model-server.mts). */
  modelBase: string;
  /** Headers of a signed-in person of that role for a mutation: cookie and a same-origin Origin. */
  headers(role: Role): Promise<Record<string, string>>;
};

export type HostileCase = {
  /** Short name printed in the report, e.g. "generated column preview". */
  name: string;
  /** The finding of issue 13 it attacks, e.g. "1". */
  finding: string;
  /** Does the hostile thing once (it may take long: the bench measures others meanwhile). */
  run(ctx: HostileContext): Promise<string>;
};
