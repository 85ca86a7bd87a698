"use client";

import { useState, type FormEvent } from "react";
import { useChangePassword } from "@/components/account/account-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";

export function ChangePasswordForm() {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState("");
  const [newPassword, setNew] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    change.mutate({ currentPassword, newPassword }, { onSuccess: () => (setCurrent(""), setNew("")) });
  };
  return (
    <form onSubmit={onSubmit} className={`${cardClass} max-w-md space-y-3`} aria-label="Change password">
      <h2 className="font-medium">Password</h2>
      <input
        type="password"
        aria-label="Current password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        className={`${inputClass} w-full`}
        placeholder="current password"
      />
      <input
        type="password"
        aria-label="New password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        className={`${inputClass} w-full`}
        placeholder="new password (12 characters or more)"
      />
      <button type="submit" className={buttonClass} disabled={change.isPending}>
        Change password
      </button>
      <MutationFeedback
        error={change.error}
        success={change.isSuccess ? "Password changed; your other sessions were signed out." : null}
      />
    </form>
  );
}
