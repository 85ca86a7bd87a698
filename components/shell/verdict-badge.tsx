import { verdictLabel, verdictTone, verdictToneClasses } from "@/lib/review/verdict-tones";

/** A candidate's verdict in words, coloured by the one verdict map (lib/review/verdict-tones.ts). */
export function VerdictBadge({ verdict }: { verdict: string | null | undefined }) {
  const tone = verdictTone(verdict);
  return (
    <span
      className={`rounded px-1.5 py-0.5 text-xs font-medium normal-case ${verdictToneClasses[tone].badge}`}
      data-verdict={verdict ?? "unknown"}
      data-tone={tone}
    >
      {verdictLabel(verdict)}
    </span>
  );
}
