import { Kbd } from "@/components/review/kbd";
import { buttonClass } from "@/components/shell/form-styles";

/** The two buttons of a review dialog: the decision (Enter) and Back (Escape). */
export function DialogButtons({
  label,
  onConfirm,
  onCancel,
}: {
  label: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="mt-2 flex gap-2">
      <button type="button" className={buttonClass} onClick={onConfirm}>
        {label} <Kbd>Enter</Kbd>
      </button>
      <button type="button" className="text-sm underline" onClick={onCancel}>
        Back <Kbd>Esc</Kbd>
      </button>
    </div>
  );
}
