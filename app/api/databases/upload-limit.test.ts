// Uploads stream to a temporary file in the data directory with the limit enforced on the bytes
// read: an oversize chunked upload (no Content-Length) gets 413 and never has more than the limit
// and one chunk on disk; whatever fails, the temporary file is gone and nothing is registered.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as upload } from "@/app/api/databases/route";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createSession } from "@/lib/auth/sessions";
import { countingStream, streamedRequest } from "@/lib/testing/counting-stream";
import { writeSqlite } from "@/lib/testing/sqlite-fixtures";
import { makeTestUser } from "@/lib/testing/test-accounts";

const ORIGIN = "http://localhost";
const BOUNDARY = "----senseTestBoundary7MA4YWxkTrZu0gW";
const CHUNK = 64 * 1024;
const MB = 1024 * 1024;
const context = { params: Promise.resolve({}) };
const uploadsDir = () => path.join(env.dataDir, "uploads");
const encoder = new TextEncoder();

let headers: Record<string, string> = {};
const maxMbBefore = env.SENSE_UPLOAD_MAX_MB;
beforeAll(async () => {
  env.SENSE_UPLOAD_MAX_MB = 1; // this test file's server allows 1 MB uploads
  const admin = await makeTestUser("admin");
  headers = {
    origin: ORIGIN,
    cookie: `sense_session=${(await createSession(admin.id, "test")).token}`,
    "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
  };
});
afterAll(() => {
  env.SENSE_UPLOAD_MAX_MB = maxMbBefore;
});

const filePartHead = (filename: string) =>
  encoder.encode(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
const bytesOnDisk = () =>
  fs.existsSync(uploadsDir())
    ? fs
        .readdirSync(uploadsDir())
        .reduce((sum, name) => sum + fs.statSync(path.join(uploadsDir(), name)).size, 0)
    : 0;
const leftovers = () => (fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()) : []);

/** A whole multipart body (file, then name) sent in pieces of `piece` bytes, so delimiters straddle chunks. */
function multipartInPieces(
  file: Buffer,
  filename: string,
  name: string,
  piece: number,
): ReadableStream<Uint8Array> {
  const whole = Buffer.concat([
    filePartHead(filename),
    file,
    encoder.encode(
      `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\n${name}\r\n--${BOUNDARY}--\r\n`,
    ),
  ]);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= whole.length) return controller.close();
      controller.enqueue(whole.subarray(at, at + piece));
      at += piece;
    },
  });
}

describe("POST /api/databases (upload)", () => {
  it("refuses a chunked upload past the limit with 413, stopping the read there, with no more than the limit and a chunk on disk", async () => {
    let maxOnDisk = 0;
    const head = Buffer.concat([filePartHead("huge.sqlite"), Buffer.from("SQLite format 3\u0000", "latin1")]);
    const body = countingStream({
      total: 3 * MB,
      chunk: CHUNK,
      head,
      fill: 0,
      onPull: () => (maxOnDisk = Math.max(maxOnDisk, bytesOnDisk())),
    });
    const response = await upload(streamedRequest(`${ORIGIN}/api/databases`, body.stream, headers), context);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toContain("1 MB");
    expect(body.pulled()).toBeLessThan(1 * MB + 2 * CHUNK);
    expect(body.cancelled()).toBe(true);
    expect(maxOnDisk).toBeGreaterThan(0); // it went to disk as it came, not to memory
    expect(maxOnDisk).toBeLessThanOrEqual(1 * MB + CHUNK);
    expect(leftovers()).toEqual([]);
    expect(await prisma.targetDatabase.count({ where: { name: "huge" } })).toBe(0);
  });

  it("stops reading at the first chunk of a file that is not SQLite", async () => {
    const body = countingStream({
      total: 3 * MB,
      chunk: CHUNK,
      head: Buffer.concat([filePartHead("notes.sqlite"), encoder.encode("just some text, not a database")]),
    });
    const response = await upload(streamedRequest(`${ORIGIN}/api/databases`, body.stream, headers), context);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toBe(
      "notes.sqlite is not a SQLite database (bad header).",
    );
    expect(body.pulled()).toBeLessThan(2 * CHUNK);
    expect(leftovers()).toEqual([]);
  });

  it("registers a SQLite file streamed in small pieces, name field after the file, and removes its temporary file", async () => {
    const source = writeSqlite(
      path.join(env.dataDir, "incoming", "streamed.sqlite"),
      "CREATE TABLE shelves (id INTEGER PRIMARY KEY, label TEXT); INSERT INTO shelves VALUES (1, 'A');",
    );
    const bytes = fs.readFileSync(source);
    const response = await upload(
      streamedRequest(
        `${ORIGIN}/api/databases`,
        multipartInPieces(bytes, "streamed.sqlite", "shelf_store", 1000),
        headers,
      ),
      context,
    );
    expect(response.status).toBe(200);
    const { database } = (await response.json()) as {
      database: { name: string; tableCount: number; fileBytes: number };
    };
    expect(database).toMatchObject({ name: "shelf_store", tableCount: 1, fileBytes: bytes.length });
    expect(
      fs.readFileSync(path.join(env.databasesDir, "shelf_store", "shelf_store.sqlite")).equals(bytes),
    ).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it("says what it expected when the body is not multipart form data", async () => {
    const response = await upload(
      new Request(`${ORIGIN}/api/databases`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: "{}",
      }),
      context,
    );
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Expected multipart form data with a `file` field.",
    );
  });
});
