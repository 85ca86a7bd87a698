import { describe, expect, it } from "vitest";
import { findJsonErrorOffset } from "@/lib/import/json-error-offset";

describe("findJsonErrorOffset", () => {
  it.each([
    ['{"a": oops}', 6],
    ["[1, 2,, 3]", 6],
    ['{"a": 1 "b": 2}', 8],
    ['[{"q": "unterminated}]', 22],
    ['{"a": 1}}', 8],
    ["[01]", 2],
    ['{"a": "tab\there"}', 10],
    ["[tru]", 4],
  ])("%s fails at offset %i", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonErrorOffset(text)).toBe(offset);
  });

  it("reports the end for valid JSON", () => {
    expect(findJsonErrorOffset('{"a": [1, -2.5e3, "x\\u00e9", true, null]}')).toBe(41);
  });
});
