import "server-only";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { invalidInput } from "@/lib/errors";
import type { ChatMessage } from "@/lib/llm/provider-client";

// Prompts are files of their own (lib/synthesis/prompts/<name>.v<N>.md): a "--- system ---" and a
// "--- user ---" section with {{placeholders}}. A job records the versions it was started with.

export const PROMPT_NAMES = ["strong-domains", "strong-database", "strong-questions", "weak-answer"] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];
export type PromptFile = { id: string; name: PromptName; version: number; system: string; user: string };

const promptsDir = () => path.join(env.projectRoot, "lib", "synthesis", "prompts");
const FILE = /^([a-z-]+)\.v(\d+)\.md$/;

function parsePromptFile(id: string, name: PromptName, version: number, text: string): PromptFile {
  const match = /^--- system ---\n([\s\S]*?)\n--- user ---\n([\s\S]*)$/.exec(text.replace(/\r\n/g, "\n"));
  if (!match) throw new Error(`Prompt file ${id}.md needs a "--- system ---" and a "--- user ---" section.`);
  return { id, name, version, system: match[1]!.trim(), user: match[2]!.trim() };
}

let cache: PromptFile[] | null = null;

/** Every prompt file, newest version of each name first. */
export function listPromptFiles(): PromptFile[] {
  if (cache) return cache;
  const files = fs.readdirSync(/*turbopackIgnore: true*/ promptsDir()).flatMap((file) => {
    const match = FILE.exec(file);
    if (!match || !(PROMPT_NAMES as readonly string[]).includes(match[1]!)) return [];
    const text = fs.readFileSync(/*turbopackIgnore: true*/ path.join(promptsDir(), file), "utf8");
    return [parsePromptFile(file.replace(/\.md$/, ""), match[1] as PromptName, Number(match[2]), text)];
  });
  cache = files.sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version);
  return cache;
}

/** The id (e.g. "weak-answer.v1") of the newest version of a prompt. */
export function latestPromptId(name: PromptName): string {
  const latest = listPromptFiles().find((p) => p.name === name);
  if (!latest) throw new Error(`No prompt file for ${name} in ${promptsDir()}.`);
  return latest.id;
}

/** Fills a prompt's placeholders; a placeholder left without a value is an error, not silence. */
export function renderModelPrompt(id: string, values: Record<string, string | number>): ChatMessage[] {
  const prompt = listPromptFiles().find((p) => p.id === id);
  if (!prompt) throw invalidInput(`Unknown prompt "${id}".`);
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`Prompt ${id} needs a value for {{${key}}}.`);
      return String(value);
    });
  return [
    { role: "system", content: fill(prompt.system) },
    { role: "user", content: fill(prompt.user) },
  ];
}
