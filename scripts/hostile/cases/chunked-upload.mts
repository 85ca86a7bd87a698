// Finding 8: a 450 MB database upload sent chunked (no Content-Length), made on the fly: a SQLite
// header, then zeros. Uploads are an admin's (a lead or researcher is refused before a byte is
// read). The server must stream it to a temporary file, never hold it in memory, remove the file
// and answer in words (it is under the 512 MB limit, but not a readable database).
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { HostileCase } from "../hostile-case.mjs";

const TOTAL = 450 * 1024 * 1024;
const BOUNDARY = "----senseHostileUpload";

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export const hostileCase: HostileCase = {
  name: "chunked 450 MB upload",
  finding: "8",
  async run(ctx) {
    const headers = await ctx.headers("admin");
    const refused = await fetch(new URL("/api/databases", ctx.base), {
      method: "POST",
      headers: {
        ...(await ctx.headers("lead")),
        "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      },
      body: "x",
    });
    const url = new URL("/api/databases", ctx.base);
    const started = Date.now();
    const outcome = await new Promise<{ status: number | string; message: string; sent: number }>(
      (resolve) => {
        let sent = 0;
        let finished = false;
        const finish = (status: number | string, message: string) => {
          if (finished) return;
          finished = true;
          request.destroy();
          resolve({ status, message, sent });
        };
        const request = http.request(url, {
          method: "POST",
          headers: { ...headers, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
        });
        request.on("response", (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (d: string) => (text += d));
          response.on("end", () => {
            let message = text.slice(0, 160);
            try {
              message = (JSON.parse(text) as { message?: string }).message ?? message;
            } catch {
              // not JSON: keep the text
            }
            finish(response.statusCode ?? 0, message);
          });
        });
        request.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? "error", error.message));
        request.write(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="hostile.sqlite"\r\nContent-Type: application/octet-stream\r\n\r\nSQLite format 3\u0000`,
        );
        const zeros = Buffer.alloc(256 * 1024);
        const pump = () => {
          while (!finished && sent < TOTAL) {
            sent += zeros.length;
            if (!request.write(zeros)) return void request.once("drain", pump);
          }
          if (!finished)
            request.end(
              `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\nhostile_upload\r\n--${BOUNDARY}--\r\n`,
            );
        };
        pump();
      },
    );
    const uploads = path.join(ctx.dataDir, "uploads");
    const left = fs.existsSync(uploads) ? fs.readdirSync(uploads).length : 0;
    return `admin: ${outcome.status} (${outcome.message}) after ${mb(outcome.sent)} MB sent in ${((Date.now() - started) / 1000).toFixed(1)} s, ${left} temporary file(s) left; lead: ${refused.status}`;
  },
};
