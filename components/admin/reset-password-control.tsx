"use client";

import { useState, type FormEvent } from "react";
import { useUpdateAccount } from "@/components/admin/admin-queries";
import { inputClass } from "@/components/shell/form-styles";

/** An admin sets a new password for someone who lost theirs; the person's sessions end. */
export function ResetPasswordControl({ id, email }: { id: string; email: string }) {
  const update = useUpdateAccount();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  if (!open) {
    return (
      <button type="button" className="text-xs text-sky-700 hover:underline" onClick={() => setOpen(true)}>
        {update.isSuccess ? "Password set" : "Set password"}
      </button>
    );
  }
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ id, password }, { onSuccess: () => (setOpen(false), setPassword("")) });
  };
  return (
    <form
      onSubmit={onSubmit}
      className="inline-flex items-center gap-1"
      aria-label={`New password for ${email}`}
    >
      <input
        type="password"
        autoComplete="new-password"
        aria-label={`New password of ${email}`}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        className={`${inputClass} w-44`}
        placeholder="12+ characters"
      />
      <button type="submit" className="text-xs text-sky-700 hover:underline" disabled={update.isPending}>
        Save
      </button>
      {update.error ? (
        <span role="alert" className="text-xs text-red-700">
          {update.error.message}
        </span>
      ) : null}
    </form>
  );
}
