// Finding 1: an uploaded .sqlite whose table has a VIRTUAL generated column computing a huge string;
// an annotator then opens its schema page and its API. Before: every request froze 18–22 s per view.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { HostileCase } from "../hostile-case.mts";

const NAME = `hostile_generated_${process.pid}`;

function writeDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  // each read of `big` builds a 400 MB string, many times over
  const huge = Array.from({ length: 40 }, () => "length(printf('%.*c', 400000000, 'x'))").join(" + ");
  // the columns come after the rows: an INSERT would compute them here (SQLite checks each new row's
  // generated values), and this process is the bench's own
  db.exec(`CREATE TABLE heavy (id INTEGER PRIMARY KEY);
    INSERT INTO heavy (id) VALUES (1), (2), (3), (4), (5);
    ALTER TABLE heavy ADD COLUMN big INTEGER GENERATED ALWAYS AS (${huge}) VIRTUAL;
    ALTER TABLE heavy ADD COLUMN wide TEXT GENERATED ALWAYS AS (printf('%.*c', 400000000, 'y')) VIRTUAL;
    CREATE TABLE plain (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO plain VALUES (1, 'pen');`);
  db.close();
}

export const hostileCase: HostileCase = {
  name: "generated column preview",
  finding: "1",
  async run(ctx) {
    const file = path.join(ctx.dataDir, "imports", `${NAME}.sqlite`);
    writeDatabase(file);
    const form = new FormData();
    form.set("file", new Blob([fs.readFileSync(file)]), `${NAME}.sqlite`);
    const upload = await fetch(`${ctx.base}/api/databases`, {
      method: "POST",
      headers: await ctx.headers("admin"),
      body: form,
    });
    if (!upload.ok) return `upload answered ${upload.status}: ${(await upload.text()).slice(0, 200)}`;
    const annotator = await ctx.headers("annotator");
    const views: string[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const api = await fetch(`${ctx.base}/api/databases/${NAME}`, { headers: annotator });
      const body = (await api.json()) as { previews?: { table: string; error: string | null }[] };
      const page = await fetch(`${ctx.base}/databases/${NAME}`, { headers: annotator });
      const html = await page.text();
      const heavy = body.previews?.find((p) => p.table === "heavy");
      views.push(
        `view ${i + 1}: API ${api.status} page ${page.status} (${Math.round(html.length / 1024)} KB) in ${Math.round(performance.now() - started)} ms, heavy: ${heavy?.error ?? "rows shown"}`,
      );
    }
    return views.join("; ");
  },
};
