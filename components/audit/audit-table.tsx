"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { auditSearchParams, useAuditLog } from "@/components/audit/audit-queries";
import { AuditDetailList } from "@/components/audit/audit-detail-list";
import { AuditFilterBar } from "@/components/audit/audit-filter-bar";
import { parsePageParams } from "@/lib/util/page-params";
import { DateTime } from "@/components/shell/date-time";
import { DroppedFilters } from "@/components/shell/dropped-filters";
import { TableHead } from "@/components/shell/table-head";
import {
  AUDIT_FILTER_KEYS,
  auditFiltersSchema,
  type AuditEntry,
  type AuditFilters,
} from "@/lib/audit/audit-filters";
import { TableFrame } from "@/components/shell/table-frame";

const linkClass = "text-left text-sky-700 hover:underline";

/** Who acted, in words: a person, the system, or nobody signed in (a failed sign-in). */
const whoText = (e: AuditEntry) => e.who ?? (e.via === "system" ? "system" : "not signed in");

/** The audit log: filters and the page's place in the address, keyset pages newest first. */
export function AuditTable() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  // a filter with a bad value is left out (and said so), the log shown without it
  const parsed = parsePageParams(auditFiltersSchema, Object.fromEntries(searchParams), {
    droppable: AUDIT_FILTER_KEYS,
  });
  const raw = parsed.raw;
  const filters: AuditFilters = parsed.ok ? parsed.values : auditFiltersSchema.parse({});
  const { data, error, isPending, isFetching } = useAuditLog(filters, parsed.ok);
  const go = (next: Record<string, string | undefined>) => {
    const query = auditSearchParams({ ...raw, ...next } as Partial<AuditFilters>).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
  /** A filter change starts at the newest page again. */
  const filter = (next: Record<string, string | undefined>) =>
    go({ ...next, before: undefined, after: undefined });
  return (
    <>
      <AuditFilterBar filters={raw} onChange={filter} />
      <DroppedFilters problems={parsed.ok ? parsed.dropped : parsed.problems} />
      {error ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          Could not read the audit log: {error.message}
        </p>
      ) : null}
      {parsed.ok && isPending ? <p className="text-sm text-slate-500">Loading the audit log…</p> : null}
      {data ? (
        <>
          <p className="mb-2 text-sm text-slate-600" role="status">
            {data.entries.length
              ? `${data.entries.length} entries, newest first`
              : "No entries match these filters."}
            {isFetching ? " · updating…" : ""}
          </p>
          <TableFrame>
            <table
              className="w-full rounded-lg border border-slate-200 bg-white text-sm"
              aria-label="Audit log"
            >
              <TableHead columns={["When", "Who", "Via", "Action", "Target", "Detail"]} />
              <tbody>
                {data.entries.map((e) => (
                  <tr key={e.id} className="border-t border-slate-100 align-top" data-action={e.action}>
                    <td className="whitespace-nowrap px-3 py-1.5 text-xs">
                      <DateTime at={e.at} seconds />
                    </td>
                    <td
                      className="min-w-24 px-3 py-1.5 [overflow-wrap:anywhere]"
                      title={e.whoEmail ?? undefined}
                    >
                      {e.whoEmail ? (
                        <button
                          type="button"
                          className={linkClass}
                          title={`Only ${e.whoEmail}`}
                          onClick={() => filter({ person: e.whoEmail ?? undefined })}
                        >
                          {whoText(e)}
                        </button>
                      ) : (
                        whoText(e)
                      )}
                    </td>
                    <td className="px-3 py-1.5 text-xs">{e.via}</td>
                    <td className="px-3 py-1.5 font-mono text-xs">
                      <button
                        type="button"
                        className={linkClass}
                        title={`Only ${e.action}`}
                        onClick={() => filter({ action: e.action })}
                      >
                        {e.action}
                      </button>
                    </td>
                    <td className="min-w-32 px-3 py-1.5 font-mono text-xs [overflow-wrap:anywhere]">
                      {e.targetId ? (
                        <button
                          type="button"
                          className={`${linkClass} break-all`}
                          title="Only this target"
                          onClick={() => filter({ target: `${e.targetType}:${e.targetId}` })}
                        >
                          {e.targetType} {e.targetId}
                        </button>
                      ) : (
                        e.targetType
                      )}
                    </td>
                    <td className="min-w-64 px-3 py-1.5 [overflow-wrap:anywhere]">
                      <AuditDetailList lines={e.detail} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
          <nav aria-label="Pages" className="mt-3 flex items-center gap-3 text-sm">
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!filters.before && !filters.after}
              onClick={() => go({ before: undefined, after: undefined })}
            >
              Newest
            </button>
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!data.prevCursor}
              onClick={() => go({ after: data.prevCursor ?? undefined, before: undefined })}
            >
              ← Newer
            </button>
            <button
              type="button"
              className="rounded border px-2 py-1 disabled:opacity-40"
              disabled={!data.nextCursor}
              onClick={() => go({ before: data.nextCursor ?? undefined, after: undefined })}
            >
              Older →
            </button>
          </nav>
        </>
      ) : null}
    </>
  );
}
