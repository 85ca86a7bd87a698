import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/account-limits";

// Passwords are hashed with Argon2id (OWASP's first choice) by @node-rs/argon2, with its defaults:
// 19 MiB of memory, 2 passes, 1 lane. We never write crypto of our own.

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, "the password needs at least 12 characters")
  .max(PASSWORD_MAX, "the password may have at most 200 characters");

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

// Verified when an email has no account, so a wrong email takes as long as a wrong password.
let decoyHash: Promise<string> | null = null;
export async function spendDecoyVerification(password: string): Promise<void> {
  decoyHash ??= hash("decoy password that matches nothing");
  await verifyPassword(await decoyHash, password);
}
