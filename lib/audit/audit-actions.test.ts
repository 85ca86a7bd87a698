import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions } from "@/lib/audit/audit-actions";
import { auditFiltersSchema } from "@/lib/audit/audit-filters";

// Every action string that code writes to the audit log (audit_events through recordAuditEvent,
// review_actions through the review writers) must be one the Action filter and the API accept.

const libDir = path.join(process.cwd(), "lib");
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function writtenActions(): string[] {
  const found = new Set<string>();
  for (const file of sourceFiles(libDir)) {
    const text = readFileSync(file, "utf8");
    if (text.includes("recordAuditEvent(")) {
      for (const m of text.matchAll(/"([a-z]+\.[a-z-]+)"/g))
        if (/^(account|token|session|database|import|job|export|provider)\./.test(m[1]!)) found.add(m[1]!);
      for (const m of text.matchAll(/`([a-z]+)\.\$\{action\}`/g))
        for (const a of ["pause", "resume", "cancel"]) found.add(`${m[1]}.${a}`);
    }
    if (text.includes("reviewAction.create(")) {
      for (const m of text.matchAll(/changeHeldItem\([^,]+,[^,]+,[^,]+,\s*"([a-z]+)"/g))
        found.add(`review.${m[1]}`);
      for (const m of text.matchAll(/action: "([a-z]+)"/g)) found.add(`review.${m[1]}`);
    }
  }
  return [...found].sort();
}

describe("audit actions", () => {
  it("finds the writers", () => {
    expect(writtenActions()).toEqual(
      expect.arrayContaining([
        "database.upload",
        "database.delete",
        "database.rename",
        "job.pause",
        "review.swap",
        "review.undo",
      ]),
    );
  });

  it("lists every action written anywhere, so the filter and the API accept it", () => {
    const missing = writtenActions().filter((a) => !(auditActions as readonly string[]).includes(a));
    expect(missing).toEqual([]);
    for (const action of writtenActions())
      expect(auditFiltersSchema.safeParse({ action }).success, action).toBe(true);
  });
});
