/** "12/60 characters" under a text field, amber near the limit: the limit is seen before saving. */
export function CharacterCount({ value, max, id }: { value: string; max: number; id?: string }) {
  const near = value.length >= max * 0.9;
  return (
    <span id={id} className={`text-[11px] tabular-nums ${near ? "text-amber-800" : "text-slate-500"}`}>
      {value.length}/{max} characters
    </span>
  );
}
