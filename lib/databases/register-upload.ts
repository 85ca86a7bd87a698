import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { env } from "@/lib/env";
import { invalidInput } from "@/lib/errors";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { registerDatabase } from "@/lib/databases/register-database";

/** Registers a SQLite file uploaded as multipart form data (`file`, optional `name`). */
export async function registerUploadedDatabase(request: Request) {
  const maxBytes = env.SENSE_UPLOAD_MAX_MB * 1024 * 1024;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw invalidInput(`The upload is larger than ${env.SENSE_UPLOAD_MAX_MB} MB.`);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw invalidInput("Expected multipart form data with a `file` field.");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw invalidInput("Choose a SQLite file to upload (field `file`).");
  if (file.size > maxBytes) throw invalidInput(`${file.name} is larger than ${env.SENSE_UPLOAD_MAX_MB} MB.`);
  const rawName = String(form.get("name") ?? "").trim() || file.name.replace(/\.(sqlite3?|db)$/i, "");
  const parsedName = databaseNameSchema.safeParse(rawName);
  if (!parsedName.success) throw invalidInput(`Database name "${rawName}": ${parsedName.error.issues[0]?.message}`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-upload-"));
  try {
    const temp = path.join(dir, "upload.sqlite");
    await pipeline(Readable.fromWeb(file.stream() as import("node:stream/web").ReadableStream), fs.createWriteStream(temp));
    return await registerDatabase({ name: parsedName.data, sourceFile: temp, source: "upload", label: file.name });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
