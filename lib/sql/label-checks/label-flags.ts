// The names of what the label checks find on a candidate or a sample, and their words (client-safe:
// the review pages and the exports' manifests use the same list). A flag says why a verdict of
// "correct" rests on weak evidence, or why an answer is useless as a rejected side; an error class
// says how a wrong answer is wrong.

/** A "correct" verdict whose evidence is weak: the results are equal, but they would be for many wrong queries too. */
export const COINCIDENCE_FLAGS = {
  both_empty: "both results are empty",
  single_null: "the only value of both results is NULL",
  single_small_value: "both results are one small number (0 to 10), as a count or a yes/no often is",
  equal_only_as_sets:
    "the results are equal only once duplicate rows are set aside (BIRD compares sets; Spider's judge removes DISTINCT)",
} as const;

/** An answer that says nothing about the question: excluded from preference pairs. */
export const DEGENERATE_FLAGS = {
  reads_no_table: "it reads no table of the database",
  constants_only: "it selects only constants",
} as const;

export type CoincidenceFlag = keyof typeof COINCIDENCE_FLAGS;
export type DegenerateFlag = keyof typeof DEGENERATE_FLAGS;
export type LabelFlag = CoincidenceFlag | DegenerateFlag;

export const LABEL_FLAG_WORDS: Record<LabelFlag, string> = { ...COINCIDENCE_FLAGS, ...DEGENERATE_FLAGS };

/** How a wrong answer is wrong: from the engine's error, or from how its result differs from the gold result. */
export const ERROR_CLASSES = {
  syntax_error: "syntax error",
  unknown_table: "unknown table",
  unknown_column: "unknown column",
  ambiguous_column: "ambiguous column",
  type_or_function_error: "type or function error",
  timeout: "timeout",
  other_error: "other execution error",
  wrong_column_count: "wrong column count",
  same_rows_other_order: "same rows in another order",
  subset_of_gold: "a subset of the gold rows",
  superset_of_gold: "a superset of the gold rows",
  wrong_row_count: "wrong row count",
  values_differ: "values differ",
} as const;

export type ErrorClass = keyof typeof ERROR_CLASSES;

export const isLabelFlag = (name: string): name is LabelFlag => Object.hasOwn(LABEL_FLAG_WORDS, name);
export const isErrorClass = (name: string): name is ErrorClass => Object.hasOwn(ERROR_CLASSES, name);

/** Flags as stored on a row (`flags` column: names joined by commas; null when none). */
export const storedFlags = (flags: readonly LabelFlag[]): string | null =>
  flags.length ? flags.join(",") : null;
/** An error class as stored (`error_class` column), or null when none or not one of ours. */
export const readErrorClass = (stored: string | null | undefined): ErrorClass | null =>
  stored && isErrorClass(stored) ? stored : null;
export const readFlags = (stored: string | null | undefined): LabelFlag[] =>
  (stored ?? "").split(",").filter(isLabelFlag);
