import "server-only";
import fs from "node:fs";
import { Readable } from "node:stream";
import { exportFilePath } from "@/lib/export/exports";

/** A download of one of an export's files, streamed from disk. */
export async function exportDownload(id: string, name: string): Promise<Response> {
  const file = await exportFilePath(id, name);
  const body = Readable.toWeb(fs.createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    headers: {
      "content-type": name.endsWith(".jsonl") ? "application/x-ndjson" : "application/json",
      "content-length": String(fs.statSync(file).size),
      "content-disposition": `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}
