"use client";

import { useState, type FormEvent } from "react";
import { useCreateAccount } from "@/components/admin/admin-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { CharacterCount } from "@/components/shell/character-count";
import {
  ACCOUNT_NAME_MAX,
  ACCOUNT_NAME_MIN,
  EMAIL_MAX,
  PASSWORD_MAX,
  PASSWORD_MIN,
} from "@/lib/auth/account-limits";
import { roleDescriptions, roles, type Role } from "@/lib/auth/roles";

export function NewAccountForm() {
  const create = useCreateAccount();
  const [form, setForm] = useState({ email: "", name: "", role: "annotator" as Role, password: "" });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(form, { onSuccess: () => setForm({ email: "", name: "", role: form.role, password: "" }) });
  };
  return (
    <form onSubmit={onSubmit} className={`${cardClass} space-y-3`} aria-label="New account">
      <h2 className="font-medium">New account</h2>
      <div className="flex flex-wrap gap-2">
        <input
          aria-label="Email"
          type="email"
          maxLength={EMAIL_MAX}
          value={form.email}
          onChange={set("email")}
          className={inputClass}
          placeholder="email"
        />
        <span className="flex flex-col">
          <input
            aria-label="Name"
            minLength={ACCOUNT_NAME_MIN}
            maxLength={ACCOUNT_NAME_MAX}
            aria-describedby="new-account-name-count"
            value={form.name}
            onChange={set("name")}
            className={inputClass}
            placeholder="name"
          />
          <CharacterCount id="new-account-name-count" value={form.name} max={ACCOUNT_NAME_MAX} />
        </span>
        <select aria-label="Role" value={form.role} onChange={set("role")} className={inputClass}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r} — {roleDescriptions[r]}
            </option>
          ))}
        </select>
        <input
          aria-label="Initial password"
          type="password"
          autoComplete="new-password"
          maxLength={PASSWORD_MAX}
          value={form.password}
          onChange={set("password")}
          className={inputClass}
          placeholder={`initial password (${PASSWORD_MIN}+)`}
        />
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          Make account
        </button>
      </div>
      <p className="text-xs text-slate-500">
        Give the person their initial password yourself; they change it on their Account page.
      </p>
      <MutationFeedback
        error={create.error}
        success={create.data ? `Made ${create.data.account.email}.` : null}
      />
    </form>
  );
}
