import { handleRoute } from "@/lib/api/route-handler";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";
import { readAuditLog } from "@/lib/audit/read-audit-log";

export const GET = handleRoute({ auth: "audit.read", query: auditFiltersSchema }, ({ query }) =>
  readAuditLog(query),
);
