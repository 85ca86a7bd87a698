"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  /** What will happen and what it costs, in a sentence or two. */
  description: ReactNode;
  /** Names the action: "Cancel job weak 1a2b3c4d", "Disable ana@example.org". */
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * Asks before a destructive or hard-to-undo action: a modal alertdialog (the page behind it inert)
 * that takes the focus onto "Keep it as it is", is left with Escape, and gives the focus back to
 * whatever had it when it closes. The confirm button names the action.
 */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      keepRef.current?.focus();
    } else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault(); // Escape: the state closes it, so it stays in step
        onCancel();
      }}
      className="max-w-md rounded-lg border border-slate-300 bg-white p-5 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      {open ? (
        <>
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="mt-2 text-sm text-slate-700">
            {description}
          </div>
          <div className="mt-5 flex flex-wrap justify-end gap-3">
            <button
              ref={keepRef}
              type="button"
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
              onClick={onCancel}
            >
              Keep it as it is
            </button>
            <button
              type="button"
              className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

type ConfirmButtonProps = Omit<ConfirmDialogProps, "open" | "onCancel"> & {
  children: ReactNode;
  className?: string;
  disabled?: boolean;
};

/** A button whose action runs only once it is confirmed in a ConfirmDialog. */
export function ConfirmButton({ children, className, disabled, onConfirm, ...dialog }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {children}
      </button>
      <ConfirmDialog
        {...dialog}
        open={open}
        onCancel={() => setOpen(false)}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
      />
    </>
  );
}
