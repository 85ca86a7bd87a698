import crypto from "node:crypto";
import { proposeDomains, writeDatabase } from "@/lib/model-server/demo-strong-answers";
import { writeQuestions } from "@/lib/model-server/demo-questions";
import { cityLibraryTasks } from "@/lib/seed/city-library-tasks";
import { generateMutants } from "@/lib/synthesis/sql-mutations";

export type ChatMessage = { role: string; content: string };

const goldByQuestion = new Map(cityLibraryTasks.map((t) => [t.question.trim().toLowerCase(), t.sql]));

/** The question a prompt asks: the text after "Question:" in the last user message, or that message. */
export function questionOf(messages: ChatMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const marked = /^\s*question:\s*(.+)$/im.exec(last);
  return (marked?.[1] ?? last).trim();
}

const field = (text: string, name: string) =>
  new RegExp(`^${name}: *(.+)$`, "m").exec(text)?.[1]?.trim() ?? "";

/** Answers to the strong-data prompts (lib/synthesis/prompts/strong-*.md), which name their task. */
function strongAnswer(prompt: string, sample: number): string | null {
  const task = field(prompt, "Task");
  if (task === "propose-domains") return proposeDomains(Number(field(prompt, "Count")) || 3, sample);
  if (task === "write-database") return writeDatabase(field(prompt, "Domain"), sample);
  if (task === "write-questions")
    return writeQuestions(prompt, field(prompt, "Difficulty"), Number(field(prompt, "Count")) || 1, sample);
  return null;
}

/**
 * A stand-in for a real model, deterministic from the prompt and the sample number (the request's
 * seed plus the choice index): the strong prompts get a domain list, a database or questions; for
 * a demo question the "strong" answer is its gold SQL; a model named with "weak" answers sample k
 * with the gold SQL when k is even and with a mutant of it when k is odd. Any other question gets a
 * plausible but wrong SELECT.
 */
export function demoAnswer(model: string, messages: ChatMessage[], sample: number): string {
  const lastUser = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
  const strong = strongAnswer(lastUser, sample);
  if (strong !== null) return strong;
  const question = questionOf(messages);
  const gold = goldByQuestion.get(question.toLowerCase());
  if (!gold) {
    const digest = crypto.createHash("sha1").update(question).digest("hex").slice(0, 6);
    return `I could not match this question to the demo database.\n\n\`\`\`sql\nSELECT '${digest}' AS unknown\n\`\`\``;
  }
  let sql = gold;
  if (model.toLowerCase().includes("weak") && sample % 2 === 1) {
    const mutants = generateMutants(gold, 8);
    sql = mutants.length ? mutants[Math.floor(sample / 2) % mutants.length]!.sql : gold;
  }
  return `Here is the query.\n\n\`\`\`sql\n${sql}\n\`\`\``;
}
