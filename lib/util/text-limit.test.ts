import { describe, expect, it } from "vitest";
import { z } from "zod";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { exportNameSchema } from "@/lib/export/export-names";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { maxLengthOf, minLengthOf } from "@/lib/util/text-limit";

describe("maxLengthOf", () => {
  it("reads the limit the forms show from the schema the server checks, through wrappers", () => {
    expect(maxLengthOf(providerInputSchema.shape.name)).toBe(64);
    expect(maxLengthOf(providerInputSchema.shape.apiKey)).toBe(500);
    expect(maxLengthOf(databaseNameSchema)).toBe(64);
    expect(maxLengthOf(exportNameSchema)).toBeGreaterThan(0);
    expect(
      maxLengthOf(
        z
          .string()
          .trim()
          .max(5)
          .optional()
          .transform((v) => v),
      ),
    ).toBe(5);
    expect(minLengthOf(z.string().min(12))).toBe(12);
    expect(maxLengthOf(z.number().max(3))).toBeUndefined();
  });
});
