// What the audit log can hold: every action and target kind written anywhere, as plain data (no
// server code), so the filters of the page and of the API check against one list.

/** Review decisions (review_actions), shown as `review.<action>`. */
export const reviewActions = [
  "review.accept",
  "review.reject",
  "review.edit",
  "review.swap",
  "review.undo",
] as const;

/** Everything else (audit_events). */
export const eventActions = [
  "account.create",
  "account.update",
  "account.password",
  "token.create",
  "token.revoke",
  "session.sign-in",
  "session.sign-in-failed",
  "session.lockout",
  "session.lockout-lift",
  "database.upload",
  "database.register",
  "database.rename",
  "database.delete",
  "import.start",
  "import.finish",
  "import.fail",
  "job.start",
  "job.pause",
  "job.resume",
  "job.cancel",
  "export.start",
  "export.cancel",
  "provider.create",
  "provider.update",
  "provider.delete",
] as const;

export const auditActions = [...eventActions, ...reviewActions] as const;
export type AuditAction = (typeof auditActions)[number];
/** What recordAuditEvent may write: a string not in eventActions is a type error. */
export type EventAction = (typeof eventActions)[number];
/** What review_actions.action may hold (shown as `review.<action>`). */
export type RecordedReviewAction = (typeof reviewActions)[number] extends `review.${infer A}` ? A : never;

/** Target kinds: review items live in review_actions, the rest in audit_events. */
export const reviewTargetTypes = ["sft", "pair"] as const;
export const eventTargetTypes = [
  "account",
  "email",
  "address",
  "api-token",
  "session",
  "database",
  "import",
  "job",
  "export",
  "provider",
] as const;
export const auditTargetTypes = [...eventTargetTypes, ...reviewTargetTypes] as const;
export type EventTargetType = (typeof eventTargetTypes)[number];

export const isReviewAction = (action: string) => action.startsWith("review.");
export const isReviewTargetType = (type: string) => (reviewTargetTypes as readonly string[]).includes(type);
