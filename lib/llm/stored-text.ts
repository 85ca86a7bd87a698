// What the store keeps of a model's text: a prefix, with a marker of how much was cut, so that
// long answers cannot fill the disk (a 50 MB answer was once stored whole, several times).

/** The most characters of one answer kept in candidates.raw_text. */
export const MAX_STORED_RAW_TEXT = 20_000;

/** The text, or its first `max` characters and "… [N more characters not stored; M in all]". */
export function capStoredText(text: string, max = MAX_STORED_RAW_TEXT): string {
  if (text.length <= max) return text;
  // do not cut a surrogate pair in two
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}… [${(text.length - end).toLocaleString("en")} more characters not stored; ${text.length.toLocaleString("en")} in all]`;
}
