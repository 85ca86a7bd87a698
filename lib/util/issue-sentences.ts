import type { z } from "zod";
import { capitalized, fieldLabel, quoteShort } from "@/lib/util/field-labels";

// The one mapping from zod's issues to sentences a person reads: the field by its label, what is
// wrong with it and the limit ("The name can be at most 60 characters (this one has 300)."). The
// API's 400 answers, the forms' own checks and the pages' URL parameters all speak through it.
// What the person typed is never echoed back, only its length (or a short value, quoted).

type Issue = z.core.$ZodIssue;
/** How a field is named in a sentence, from its key (the last name in its path). */
export type LabelFor = (key: string) => string;

const zodDefault = /^(Invalid|Too (big|small)|Unrecognized)/;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The value at an issue's path in what was parsed (undefined when it is not there). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** "The name", "Entry 2 of the domains", "The SQL of entry 3 of the tasks", "The request" for the whole body. */
function subjectOf(path: readonly PropertyKey[], labelFor: LabelFor): string {
  const last = path.at(-1);
  const listName = path.findLast((p): p is string => typeof p === "string");
  if (typeof last === "number") return `Entry ${last + 1}${listName ? ` of the ${labelFor(listName)}` : ""}`;
  if (typeof last !== "string") {
    const root = labelFor(""); // what a schema of one value (not an object) is called, if anything
    return root ? `The ${root}` : "The request";
  }
  const index = path.findLastIndex((p) => typeof p === "number");
  const owner = path.slice(0, index).findLast((p): p is string => typeof p === "string");
  return `The ${labelFor(last)}${index >= 0 ? ` of entry ${(path[index] as number) + 1}${owner ? ` of the ${labelFor(owner)}` : ""}` : ""}`;
}

/**
 * A message the schema's author wrote, as a sentence: capitalized, with a full stop, and the field's
 * key it may start with said by its label ("baseUrl must be a URL" -> "The base URL must be a URL").
 */
function asSentence(message: string, key?: string, labelFor: LabelFor = fieldLabel): string {
  const startsWithKey = key && message.startsWith(`${key} `);
  const text = startsWithKey ? `The ${labelFor(key)}${message.slice(key.length)}` : message.trim();
  const capital = capitalized(text);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** "The statuses" -> "The list of statuses" (a list needs, whatever its name's number). */
const listOf = (subject: string) => subject.replace(/^The /, "The list of ");

function lengthNote(value: unknown, what: string): string {
  if (typeof value === "string") return ` (this one has ${value.length})`;
  if (Array.isArray(value)) return ` (${what} has ${value.length})`;
  return "";
}

function tooBig(issue: Extract<Issue, { code: "too_big" }>, subject: string, value: unknown): string {
  const max = Number(issue.maximum);
  const most = issue.inclusive ? max : max - 1;
  switch (issue.origin) {
    case "string":
      return `${subject} can be at most ${plural(most, "character", "characters")}${lengthNote(value, "")}.`;
    case "array":
    case "set":
      return `${listOf(subject)} can hold at most ${plural(most, "entry", "entries")}${lengthNote(value, "this one")}.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `${subject} can be at most ${max}.` : `${subject} must be less than ${max}.`;
    default:
      return `${subject} is too large (at most ${max}).`;
  }
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>, subject: string, value: unknown): string {
  const min = Number(issue.minimum);
  const least = issue.inclusive ? min : min + 1;
  switch (issue.origin) {
    case "string":
      return least <= 1
        ? `${subject} is required.`
        : `${subject} needs at least ${plural(least, "character", "characters")}${lengthNote(value, "")}.`;
    case "array":
    case "set":
      return `${listOf(subject)} needs at least ${plural(least, "entry", "entries")}${lengthNote(value, "this one")}.`;
    case "number":
    case "int":
    case "bigint":
      return issue.inclusive ? `${subject} must be at least ${min}.` : `${subject} must be more than ${min}.`;
    default:
      return `${subject} is too small (at least ${min}).`;
  }
}

const expectedWords: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  string: "text",
  array: "a list",
  object: "an object",
  date: "a date",
};

function invalidType(
  issue: Extract<Issue, { code: "invalid_type" }>,
  subject: string,
  value: unknown,
): string {
  if (value === undefined || value === null) return `${subject} is required.`;
  return `${subject} must be ${expectedWords[issue.expected] ?? issue.expected}${typeof value === "string" && value ? ` (not ${quoteShort(value)})` : ""}.`;
}

const formatWords: Record<string, string> = {
  url: "a URL such as https://api.openai.com/v1",
  email: "an email address such as ana@example.org",
  uuid: "a UUID",
  datetime: "a date and time such as 2026-01-31T12:00:00Z",
  date: "a date such as 2026-01-31",
};

/** One issue as one sentence. `input` is what was parsed (for lengths); `labelFor` names fields. */
export function describeIssue(issue: Issue, input: unknown, labelFor: LabelFor = fieldLabel): string {
  const value = valueAt(input, issue.path);
  const authored = !zodDefault.test(issue.message);
  const key = issue.path.findLast((p): p is string => typeof p === "string");
  // a lone value (no path, no name for it) reads better in its author's words: "the password needs…"
  if (authored && !issue.path.length && !labelFor("")) return asSentence(issue.message);
  const subject = subjectOf(issue.path, labelFor);
  switch (issue.code) {
    case "too_big":
      return tooBig(issue, subject, value);
    case "too_small":
      return tooSmall(issue, subject, value);
    case "invalid_type":
      return invalidType(issue, subject, value);
    case "invalid_value": {
      const allowed = issue.values.map(String).join(", ");
      const given =
        typeof value === "string" || typeof value === "number" ? ` (not ${quoteShort(String(value))})` : "";
      return issue.values.length === 1
        ? `${subject} must be ${allowed}${given}.`
        : `${subject} must be one of: ${allowed}${given}.`;
    }
    case "invalid_format":
      if (authored) return asSentence(issue.message, key, labelFor);
      return `${subject} must be ${formatWords[issue.format] ?? `in the ${issue.format} format`}.`;
    case "not_multiple_of":
      return `${subject} must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys": {
      const keys = issue.keys.slice(0, 5).map((k) => quoteShort(k));
      return `${subject} has ${issue.keys.length === 1 ? "a field" : "fields"} it does not take: ${keys.join(", ")}${issue.keys.length > 5 ? " and more" : ""}.`;
    }
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return authored
        ? asSentence(issue.message, key, labelFor)
        : `${subject} is not in a form this field takes.`;
    default:
      return authored ? asSentence(issue.message, key, labelFor) : `${subject} is not valid.`;
  }
}

/**
 * The issues as sentences: one per field, its first (an empty name is "required", not also "may
 * hold letters…"), and each said once (a union or a repeated check can say the same twice). Issues
 * of the whole input (no field) are all kept.
 */
export function describeIssues(
  error: z.ZodError,
  input: unknown,
  labelFor: LabelFor = fieldLabel,
): { path: string; message: string }[] {
  const seen = new Set<string>();
  const saidOf = new Set<string>();
  const out: { path: string; message: string }[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (path && saidOf.has(path)) continue;
    const message = describeIssue(issue, input, labelFor);
    if (seen.has(message)) continue;
    seen.add(message);
    saidOf.add(path);
    out.push({ path, message });
  }
  return out;
}

/** The issues as one text: sentence after sentence. */
export function describeZodError(error: z.ZodError, input: unknown, labelFor: LabelFor = fieldLabel): string {
  return describeIssues(error, input, labelFor)
    .map((i) => i.message)
    .join(" ");
}
