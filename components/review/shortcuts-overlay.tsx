import { SHORTCUTS } from "@/components/review/shortcuts";

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="fixed inset-0 z-20 flex items-center justify-center bg-slate-900/40"
      onClick={onClose}
    >
      <div className="w-[28rem] rounded-lg bg-white p-5 shadow-xl" onClick={(e) => e.stopPropagation()}>
        <h2 className="mb-3 font-medium">Keyboard shortcuts</h2>
        <dl className="space-y-1 text-sm">
          {SHORTCUTS.map((s) => (
            <div key={s.key} className="flex gap-3">
              <dt className="w-8">
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">
                  {s.key.toUpperCase()}
                </kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">Esc closes a dialog or goes back to the current item.</p>
      </div>
    </div>
  );
}
