import { handleRoute } from "@/lib/api/route-handler";
import { auditQuerySchema, readAuditLog } from "@/lib/audit/read-audit-log";

export const GET = handleRoute({ auth: "audit.read", query: auditQuerySchema }, ({ query }) => readAuditLog(query));
