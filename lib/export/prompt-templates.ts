import { z } from "zod";
import type { PromptParts } from "@/lib/export/export-formats";

// The text-to-SQL prompt that wraps question + schema in an export. Client-safe: the Exports form
// lists the templates and the server renders them with the same code.

export const PROMPT_TEMPLATES = {
  "sense-style": {
    label: "SENSE style: schema as CREATE TABLE, then the question; the answer is the SQL alone",
    sampleRows: 0,
    system:
      "You are a SQLite expert. Given a database schema and a question, write one SQLite query that answers the question. Answer with the SQL only.",
  },
  "schema-with-rows": {
    label: "Schema with 3 sample rows per table (as strong text-to-SQL recipes show values)",
    sampleRows: 3,
    system:
      "You are a SQLite expert. Given a database schema with sample rows and a question, write one SQLite query that answers the question. Answer with the SQL only.",
  },
  "code-comment": {
    label:
      "Code completion: the schema and question as SQL comments, the answer the whole SQL (for base models)",
    sampleRows: 0,
    system: "",
  },
} as const;

export type TemplateName = keyof typeof PROMPT_TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(PROMPT_TEMPLATES) as TemplateName[];

export const templateOptionsSchema = z.object({
  template: z.enum(TEMPLATE_NAMES as [TemplateName, ...TemplateName[]]).default("sense-style"),
  sampleRows: z.number().int().min(0).max(10).optional(), // default: the template's
  includeEvidence: z.boolean().default(true),
  system: z.string().max(4_000).optional(), // replaces the template's system instruction
});
export type TemplateOptions = z.infer<typeof templateOptionsSchema>;

export type PromptInput = { question: string; evidence: string | null; ddl: string; rows: string };

/** The system and user text of one record under a template. */
export function renderTrainingPrompt(options: TemplateOptions, input: PromptInput): PromptParts {
  const template = PROMPT_TEMPLATES[options.template];
  const system = options.system ?? template.system;
  const evidence = options.includeEvidence && input.evidence ? input.evidence : null;
  if (options.template === "code-comment") {
    // the prompt is comments only and the answer is the whole SQL, in every format and on both
    // sides of a pair: a prompt ending in "SELECT" before an answer that starts with it taught
    // models to write "SELECT SELECT …", and an answer cut after its first word could not start
    // with WITH or be executed as it stands
    const comment = (text: string) =>
      text
        .split("\n")
        .map((l) => `-- ${l}`)
        .join("\n");
    const user = [
      comment(input.ddl),
      input.rows ? comment(`Sample rows:\n${input.rows}`) : "",
      evidence ? comment(`Evidence: ${evidence}`) : "",
      comment(`Question: ${input.question}`),
    ]
      .filter(Boolean)
      .join("\n");
    return { system, user };
  }
  const parts = [`Database schema:\n${input.ddl}`];
  if (input.rows) parts.push(`Sample rows:\n${input.rows}`);
  if (evidence) parts.push(`Evidence: ${evidence}`);
  parts.push(`Question: ${input.question}`);
  return { system, user: parts.join("\n\n") };
}

export const sampleRowsOf = (options: TemplateOptions) =>
  options.sampleRows ?? PROMPT_TEMPLATES[options.template].sampleRows;
