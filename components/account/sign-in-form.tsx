"use client";

import { useState, type FormEvent } from "react";
import { useSignIn } from "@/components/account/account-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";

export function SignInForm({ next }: { next: string }) {
  const signIn = useSignIn(next);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <form onSubmit={onSubmit} className={`${cardClass} max-w-sm space-y-3`} aria-label="Sign in">
      <label className="block text-sm">
        <span className="mb-1 block text-slate-600">Email</span>
        <input
          type="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          className={`${inputClass} w-full`}
          required
          autoFocus
        />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block text-slate-600">Password</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={`${inputClass} w-full`}
          required
        />
      </label>
      <button type="submit" className={buttonClass} disabled={signIn.isPending || signIn.isSuccess}>
        Sign in
      </button>
      <MutationFeedback error={signIn.error} />
    </form>
  );
}
