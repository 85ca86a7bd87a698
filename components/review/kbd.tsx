/** A key as the shortcuts show it. */
export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="ml-1 rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] text-slate-600">
      {children}
    </kbd>
  );
}
