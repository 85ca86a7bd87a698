import { describe, expect, it } from "vitest";
import { describeTruncation } from "@/lib/databases/console/describe-truncation";

describe("describeTruncation", () => {
  it("says why a result was cut and how much of it is shown", () => {
    expect(describeTruncation({ truncated: false, rowCount: 3 })).toBeNull();
    expect(describeTruncation({ truncated: true, truncatedBy: "rows", maxRows: 1000, rowCount: 1000 })).toBe(
      "The query returns more than 1000 rows; only the first 1000 rows are shown.",
    );
    expect(
      describeTruncation({ truncated: true, truncatedBy: "bytes", maxBytes: 2 * 1024 * 1024, rowCount: 0 }),
    ).toBe("The first row alone is larger than 2 MB; no rows are shown.");
    expect(
      describeTruncation({ truncated: true, truncatedBy: "bytes", maxBytes: 16 * 1024 * 1024, rowCount: 1 }),
    ).toBe("The result is larger than 16 MB; only the first 1 row is shown.");
  });
});
