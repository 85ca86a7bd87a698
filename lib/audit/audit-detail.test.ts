import { describe, expect, it } from "vitest";
import { describeEventDetail, describeReviewDetail } from "@/lib/audit/audit-detail";

describe("an audit entry's detail in words", () => {
  it("lists values as key: value, nested keys dotted, changes as from → to", () => {
    expect(
      describeEventDetail(
        JSON.stringify({
          email: "a@b.test",
          role: { from: "annotator", to: "lead" },
          filters: { statuses: ["accepted", "edited"], limit: 3 },
          none: null,
        }),
      ),
    ).toEqual([
      { key: "email", value: "a@b.test" },
      { key: "role", from: "annotator", to: "lead" },
      { key: "filters.statuses", value: "accepted, edited" },
      { key: "filters.limit", value: "3" },
      { key: "none", value: "—" },
    ]);
    expect(describeEventDetail("{}")).toEqual([]);
    // a moment is shown as dates are everywhere on the pages, a text that only looks like one as it is
    expect(
      describeEventDetail(
        JSON.stringify({ lockedUntil: "2026-12-04T18:33:58.698Z", note: "2026-12-04 at noon" }),
      ),
    ).toEqual([
      { key: "lockedUntil", value: "2026-12-04 18:33:58 UTC" },
      { key: "note", value: "2026-12-04 at noon" },
    ]);
    expect(describeEventDetail("not json")).toEqual([{ key: "detail", value: "not json" }]);
  });

  it("never shows a secret: only the app's own words under a key that names one", () => {
    const lines = describeEventDetail(
      JSON.stringify({
        password: "hunter2 is my password",
        apiKey: "sk-live-123",
        token: "sst_abc",
        nested: { secret: "x" },
        tokenName: "laptop",
        passwordChange: "(reset)",
        api_key: "kept",
        hash: { from: "a", to: "b" },
      }),
    );
    expect(lines).toEqual([
      { key: "password", value: "(hidden)" },
      { key: "apiKey", value: "(hidden)" },
      { key: "token", value: "(hidden)" },
      { key: "nested.secret", value: "(hidden)" },
      { key: "tokenName", value: "laptop" },
      { key: "passwordChange", value: "(reset)" },
      { key: "api_key", value: "kept" },
      { key: "hash", from: "(hidden)", to: "(hidden)" },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|sk-live|sst_abc/);
  });

  it("shows a review decision as the fields it changed, long SQL cut, and whether it was undone", () => {
    const sql = `SELECT ${"x, ".repeat(200)}y FROM t`;
    const lines = describeReviewDetail(
      JSON.stringify({ status: "pending", editedSql: null, leaseOwnerId: "u1" }),
      JSON.stringify({ status: "edited", editedSql: sql, leaseOwnerId: null }),
      new Date("2026-12-01T10:00:00Z"),
    );
    expect(lines[0]).toEqual({ key: "status", from: "pending", to: "edited" });
    expect(lines[1]).toMatchObject({
      key: "editedSql",
      from: "—",
      to: expect.stringMatching(/… \(\d[\d,]* characters\)$/),
    });
    expect(lines[2]).toEqual({ key: "undone", value: "2026-12-01T10:00:00.000Z" });
    expect(lines).toHaveLength(3);
  });
});
