import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";
import { invalidInput, payloadTooLarge } from "@/lib/errors";
import { formatLimit, readBodyChunks } from "@/lib/api/request-body";
import {
  MultipartFormatError,
  MultipartStream,
  multipartBoundary,
  type PartSink,
} from "@/lib/api/multipart-stream";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { registerDatabase } from "@/lib/databases/register-database";
import type { AuditActor } from "@/lib/audit/audit-events";
import { fieldLabel } from "@/lib/util/field-labels";
import { describeZodError } from "@/lib/util/issue-sentences";
import { findOwnerTag, isOwnerGone, ownerProcessTag } from "@/lib/store/owner-process";

const FIELDS_LIMIT = 64 * 1024; // the form's other fields and its framing, on top of the file
const SQLITE_HEADER = Buffer.from("SQLite format 3\u0000", "latin1");

/** Where uploads are written while they arrive (removed when done; start-up removes a killed server's). */
export const uploadsDir = () => path.join(env.dataDir, "uploads");

/** A temporary upload file's name: the process writing it, so start-up can tell a dead one's. */
const tempName = () => `upload-${ownerProcessTag()}-${crypto.randomUUID()}.partial`;

type Received = { filename: string; bytes: number; fields: Map<string, string> };

/**
 * Reads the form as it streams in: the `file` part goes straight to `temp` (the limit enforced on
 * the bytes read, the SQLite header checked on its first bytes), other fields are kept as text.
 */
async function receiveForm(
  request: Request,
  boundary: string,
  temp: string,
  maxBytes: number,
): Promise<Received> {
  const fields = new Map<string, string>();
  let fieldBytes = 0;
  let file: { filename: string; bytes: number } | null = null;
  const handle = await fs.promises.open(temp, "wx", 0o600);
  try {
    const fileSink = (filename: string): PartSink => {
      const received = { filename, bytes: 0 };
      file = received;
      let head = Buffer.alloc(0);
      return {
        write: async (data) => {
          if (received.bytes + data.length > maxBytes)
            throw payloadTooLarge(
              `${filename} is larger than the upload limit of ${formatLimit(maxBytes)} (SENSE_UPLOAD_MAX_MB).`,
              maxBytes,
            );
          if (head.length < SQLITE_HEADER.length) {
            head = Buffer.concat([head, data.subarray(0, SQLITE_HEADER.length - head.length)]);
            if (head.length === SQLITE_HEADER.length && !head.equals(SQLITE_HEADER))
              throw invalidInput(`${filename} is not a SQLite database (bad header).`);
          }
          received.bytes += data.length;
          for (let at = 0; at < data.length;)
            at += (await handle.write(data, at, data.length - at)).bytesWritten;
        },
        end: () => {
          if (received.bytes > 0 && head.length < SQLITE_HEADER.length)
            throw invalidInput(`${filename} is not a SQLite database (bad header).`);
        },
      };
    };
    const textSink = (name: string): PartSink => {
      const parts: Buffer[] = [];
      return {
        write: (data) => {
          fieldBytes += data.length;
          if (fieldBytes > FIELDS_LIMIT)
            throw payloadTooLarge(
              `The form's fields besides the file are larger than ${formatLimit(FIELDS_LIMIT)}.`,
              FIELDS_LIMIT,
            );
          parts.push(Buffer.from(data));
        },
        end: () => void fields.set(name, Buffer.concat(parts).toString("utf8")),
      };
    };
    const ignored: PartSink = { write: () => undefined, end: () => undefined };
    const form = new MultipartStream(boundary, (part) => {
      if (part.name === "file" && part.filename !== null) return file ? ignored : fileSink(part.filename);
      return part.filename === null ? textSink(part.name) : ignored;
    });
    const overall = () =>
      payloadTooLarge(
        `The upload is larger than the limit of ${formatLimit(maxBytes)} for the file (SENSE_UPLOAD_MAX_MB) and ${formatLimit(FIELDS_LIMIT)} for the rest of the form.`,
        maxBytes,
      );
    await readBodyChunks(request, maxBytes + FIELDS_LIMIT, overall, (chunk) => form.write(chunk));
    form.end();
  } catch (error) {
    if (error instanceof MultipartFormatError)
      throw invalidInput(`The upload is not well-formed multipart form data: ${error.message}`);
    throw error;
  } finally {
    await handle.close();
  }
  const got = file as { filename: string; bytes: number } | null;
  if (!got || got.bytes === 0) throw invalidInput("Choose a SQLite file to upload (field `file`).");
  return { ...got, fields };
}

/**
 * Registers a SQLite file uploaded as multipart form data (`file`, optional `name`). The file is
 * streamed to a temporary file in the data directory, never held in memory, and registered from
 * there; the temporary file is removed whatever happens.
 */
export async function registerUploadedDatabase(actor: AuditActor, request: Request) {
  const boundary = multipartBoundary(request.headers.get("content-type"));
  if (!boundary) throw invalidInput("Expected multipart form data with a `file` field.");
  fs.mkdirSync(uploadsDir(), { recursive: true, mode: 0o700 });
  const temp = path.join(uploadsDir(), tempName());
  try {
    const upload = await receiveForm(request, boundary, temp, env.SENSE_UPLOAD_MAX_MB * 1024 * 1024);
    const rawName =
      (upload.fields.get("name") ?? "").trim() || upload.filename.replace(/\.(sqlite3?|db)$/i, "");
    const parsedName = databaseNameSchema.safeParse(rawName);
    if (!parsedName.success)
      throw invalidInput(
        describeZodError(parsedName.error, rawName, (key) => (key ? fieldLabel(key) : "database name")),
      );
    return await registerDatabase({
      name: parsedName.data,
      sourceFile: temp,
      source: "upload",
      label: upload.filename,
      actor,
    });
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** At start-up: removes the temporary files of uploads whose server was killed mid-upload; how many. */
export function removeAbandonedUploads(): number {
  if (!fs.existsSync(uploadsDir())) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(uploadsDir())) {
    if (!name.startsWith("upload-") || !isOwnerGone(findOwnerTag(name), { ownIsStale: true })) continue;
    fs.rmSync(path.join(uploadsDir(), name), { force: true });
    removed++;
  }
  return removed;
}
