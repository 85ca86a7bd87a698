import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/util/date-time";

describe("formatDateTime", () => {
  it("writes every moment one way, in UTC with the zone named", () => {
    expect(formatDateTime("2026-12-02T13:46:05.123Z")).toBe("2026-12-02 13:46 UTC");
    expect(formatDateTime("2026-12-02T15:46:05+02:00", { seconds: true })).toBe("2026-12-02 13:46:05 UTC");
    expect(formatDateTime(new Date(Date.UTC(2026, 0, 5, 3, 4)))).toBe("2026-01-05 03:04 UTC");
  });

  it("shows a dash for no date or one that does not parse", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined)).toBe("—");
    expect(formatDateTime("not a date")).toBe("—");
  });
});
