import {
  ERROR_CLASSES,
  LABEL_FLAG_WORDS,
  type ErrorClass,
  type LabelFlag,
} from "@/lib/sql/label-checks/label-flags";

/** What the label checks found on one side of a pair: how a wrong answer is wrong, and any flag with its reason. */
export function LabelChecks({
  flags,
  errorClass,
  label,
}: {
  flags: LabelFlag[];
  errorClass?: ErrorClass | null;
  label: string;
}) {
  if (!flags.length && !errorClass) return null;
  return (
    <ul aria-label={label} className="mb-1 space-y-0.5 text-xs">
      {errorClass ? (
        <li className="text-slate-600 dark:text-slate-300">
          Error class: <span className="font-medium">{ERROR_CLASSES[errorClass]}</span>
        </li>
      ) : null}
      {flags.map((flag) => (
        <li key={flag} className="text-amber-800 dark:text-amber-300" data-flag={flag}>
          Flagged: {LABEL_FLAG_WORDS[flag]}
        </li>
      ))}
    </ul>
  );
}
