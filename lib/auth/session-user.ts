import type { Role } from "@/lib/auth/roles";

/** The person behind a request: a browser session, or an API token (the CLI, a script). */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  via: "ui" | "api-token" | "cli";
};
