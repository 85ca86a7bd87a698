// Near-duplicate detection for synthesized samples: two samples are near duplicates when their
// questions are the same after normalization, or their SQL has the same template (literals
// replaced by placeholders, as OmniSQL dedups synthesized SQL).
import { sqlTemplate } from "@/lib/sql/normalize-sql";

export function questionKey(question: string): string {
  return question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export class NearDuplicateFilter {
  private readonly questions = new Set<string>();
  private readonly templates = new Set<string>();

  constructor(existing: { question: string; sql: string }[] = []) {
    for (const sample of existing) this.add(sample);
  }

  /** Why the sample repeats one already seen, or null (and then it counts as seen). */
  check(sample: { question: string; sql: string }): "same question" | "same SQL template" | null {
    if (this.questions.has(questionKey(sample.question))) return "same question";
    if (this.templates.has(sqlTemplate(sample.sql))) return "same SQL template";
    this.add(sample);
    return null;
  }

  private add(sample: { question: string; sql: string }): void {
    this.questions.add(questionKey(sample.question));
    this.templates.add(sqlTemplate(sample.sql));
  }
}
