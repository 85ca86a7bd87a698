import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError } from "@/lib/util/issue-sentences";

const say = (schema: z.ZodType, input: unknown, labelFor?: (key: string) => string) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("expected a failure");
  return describeZodError(parsed.error, input, labelFor);
};

describe("describeZodError", () => {
  it("names the field, what is wrong and the limit, with the length but never the text", () => {
    const text = say(z.object({ name: z.string().max(60) }), { name: "y".repeat(300) });
    expect(text).toBe("The name can be at most 60 characters (this one has 300).");
    expect(say(z.object({ note: z.string().min(12, "the note needs 12") }), { note: "short" })).toBe(
      "The note needs at least 12 characters (this one has 5).",
    );
    expect(say(z.object({ name: z.string().trim().min(1, "name is required") }), { name: "" })).toBe(
      "The name is required.",
    );
  });

  it("reads numbers, lists, choices, types and formats in words, field labels included", () => {
    expect(say(z.object({ maxConcurrency: z.number().int().min(1).max(256) }), { maxConcurrency: 900 })).toBe(
      "The number of concurrent requests can be at most 256.",
    );
    expect(say(z.object({ maxTokens: z.number().int().positive() }), { maxTokens: 0 })).toBe(
      "The maximum of tokens must be more than 0.",
    );
    expect(say(z.object({ n: z.number().int() }), { n: 1.5 })).toBe("The n must be a whole number.");
    expect(say(z.object({ statuses: z.array(z.string()).min(1) }), { statuses: [] })).toBe(
      "The list of statuses needs at least 1 entry (this one has 0).",
    );
    expect(say(z.object({ queue: z.enum(["sft", "pairs"]) }), { queue: "bogus" })).toBe(
      "The queue must be one of: sft, pairs (not “bogus”).",
    );
    expect(say(z.object({ disabled: z.boolean() }), { disabled: "yes" })).toBe(
      "The disabled must be true or false (not “yes”).",
    );
    expect(say(z.object({ baseUrl: z.string().url() }), { baseUrl: "nope" })).toBe(
      "The base URL must be a URL such as https://api.openai.com/v1.",
    );
    expect(say(z.object({ model: z.string() }), {})).toBe("The model is required.");
  });

  it("keeps a message the schema's author wrote, as a sentence, and says each sentence once", () => {
    const name = z.string().regex(/^[a-z]+$/, "name may hold letters only");
    expect(say(z.object({ name }), { name: "a b" })).toBe("The name may hold letters only.");
    const twice = z.object({ a: z.string() }).superRefine((_, ctx) => {
      ctx.addIssue({ code: "custom", message: "same thing", path: ["a"] });
      ctx.addIssue({ code: "custom", message: "same thing", path: ["a"] });
    });
    expect(say(twice, { a: "x" })).toBe("Same thing.");
  });

  it("says one thing per field, its first: an empty name is required, not also of the wrong form", () => {
    const name = z
      .string()
      .trim()
      .min(1, "name is required")
      .regex(/^[a-z]+$/, "name may hold letters only");
    expect(
      say(z.object({ name, model: z.string().min(1, "model is required") }), { name: "", model: "" }),
    ).toBe("The name is required. The model is required.");
  });

  it("quotes a long bad choice cut short, and names entries of a list", () => {
    const text = say(z.object({ queue: z.enum(["sft", "pairs"]) }), { queue: "q".repeat(500) });
    expect(text.length).toBeLessThan(100);
    expect(say(z.object({ domains: z.array(z.string().min(2)) }), { domains: ["ok", "x"] })).toBe(
      "Entry 2 of the domains needs at least 2 characters (this one has 1).",
    );
    expect(
      say(z.object({ tasks: z.array(z.object({ sql: z.string().min(1) })) }), {
        tasks: [{ sql: "x" }, { sql: "" }],
      }),
    ).toBe("The SQL of entry 2 of the tasks is required.");
    expect(say(z.string().min(3), "ab", (key) => key || "database name")).toBe(
      "The database name needs at least 3 characters (this one has 2).",
    );
  });
});
