import { z } from "zod";

// Who may do what. Plain data (no server code), so the UI hides what the server refuses.
// Each role holds everything of the roles before it: annotator < researcher < lead < admin.

export const roles = ["annotator", "researcher", "lead", "admin"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** The least role that holds each permission. */
export const permissionMinimumRole = {
  "account.self": "annotator", // one's own account: password, API tokens, sign-out
  "data.read": "annotator", // databases, schemas, tasks, one's own progress
  review: "annotator", // claim, accept, edit, reject, undo
  "sql.run": "annotator", // read-only SQL in the sandbox: the review editor runs edits with it, and the console
  export: "researcher", // curated sets to files
  evaluate: "researcher", // evaluation runs (predictions scored against gold)
  "jobs.manage": "lead", // start, pause, resume, cancel synthesis jobs; their logs and prompts
  "providers.read": "lead", // choose a provider for a job (keys never leave the server)
  "progress.all": "lead", // everyone's progress on the overview
  "audit.read": "lead", // the audit log
  "providers.manage": "admin",
  "databases.manage": "admin", // add, upload and import databases and benchmarks
  "accounts.manage": "admin",
} as const satisfies Record<string, Role>;

export type Permission = keyof typeof permissionMinimumRole;

const rank: Record<Role, number> = { annotator: 0, researcher: 1, lead: 2, admin: 3 };

export function can(role: string | null | undefined, permission: Permission): boolean {
  const parsed = roleSchema.safeParse(role);
  return parsed.success && rank[parsed.data] >= rank[permissionMinimumRole[permission]];
}

export const roleDescriptions: Record<Role, string> = {
  annotator: "reviews samples and pairs, runs read-only SQL in the console",
  researcher: "all of that, plus exports of curated sets",
  lead: "all of that, plus synthesis jobs and everyone's progress",
  admin: "all of that, plus accounts, providers and databases",
};
