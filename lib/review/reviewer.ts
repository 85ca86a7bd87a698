import type { SessionUser } from "@/lib/auth/session-user";

// Who is reviewing: the signed-in person (or the person behind an API token). Claims and audit
// rows carry their id; `via` says whether it came from the dashboard or a token.
export type Reviewer = Pick<SessionUser, "id" | "name"> & { via?: SessionUser["via"] };
