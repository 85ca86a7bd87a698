import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Provider API keys at rest: AES-256-GCM under a key of 32 bytes from SENSE_SECRET_KEY or, when it
// is not set, from <data dir>/secret.key, made (mode 0600) on first use so that the app works
// offline out of the box. Stored as "enc:v1:" + base64(iv | tag | ciphertext). A value without
// the prefix is a key stored in plain text before encryption existed: it is read as it is, and
// sealed on the next start (syncProviders).

const PREFIX = "enc:v1:";
const AAD = Buffer.from("sense-studio provider api key");

export const secretKeyFile = () => path.join(env.dataDir, "secret.key");

/** The key from the file, made at once when there is none (linked into place, so two processes agree on one). */
function keyFromFile(): Buffer {
  const file = secretKeyFile();
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${crypto.randomUUID()}`;
    fs.writeFileSync(temp, `${crypto.randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
    try {
      fs.linkSync(temp, file); // fails when another process made it first: theirs is used
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const key = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32)
    throw new Error(
      `${file} does not hold a key of 32 bytes in base64; remove it to make a new one (the stored provider keys must then be entered again).`,
    );
  return key;
}

let cached: Buffer | null = null;
function secretKey(): Buffer {
  if (cached) return cached;
  const configured = env.SENSE_SECRET_KEY;
  cached = configured
    ? Buffer.from(configured, /^[0-9a-f]{64}$/i.test(configured) ? "hex" : "base64")
    : keyFromFile();
  return cached;
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

/** The stored form of a secret. */
export function sealSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", secretKey(), iv).setAAD(AAD);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

/** A stored secret in plain text; null when it does not decrypt (another key, or altered). */
export function openSecret(stored: string): string | null {
  if (!isSealed(stored)) return stored; // stored before encryption existed
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  if (raw.length < 28) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", secretKey(), raw.subarray(0, 12)).setAAD(AAD);
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A provider's API key in plain text, for the request only; throws when it does not decrypt. */
export function providerApiKey(provider: { name: string; apiKey: string | null }): string | undefined {
  if (!provider.apiKey) return undefined;
  const key = openSecret(provider.apiKey);
  if (key === null)
    throw new Error(
      `The API key of provider "${provider.name}" cannot be decrypted with this SENSE_SECRET_KEY (or data/secret.key); enter the key again.`,
    );
  return key;
}
