import "server-only";
import crypto from "node:crypto";

// Random bearer secrets (session cookies, API tokens). The store keeps only their sha256, so a
// copy of the database signs nobody in.

export function newSecret(prefix = ""): string {
  return `${prefix}${crypto.randomBytes(32).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return crypto.createHash("sha256").update(secret).digest("hex");
}
