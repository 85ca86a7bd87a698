import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** Writes a small SQLite file with two related tables, made by the test itself. */
export function writeGardenDatabase(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(`
    CREATE TABLE plots (plot_id INTEGER PRIMARY KEY, name TEXT NOT NULL, area_m2 REAL);
    CREATE TABLE plantings (planting_id INTEGER PRIMARY KEY, plot_id INTEGER REFERENCES plots(plot_id), crop TEXT, planted_on TEXT);
    INSERT INTO plots VALUES (1, 'North bed', 12.5), (2, 'Greenhouse', 30);
    INSERT INTO plantings VALUES (1, 1, 'kale', '2025-03-02'), (2, 2, 'tomato', '2025-04-11'), (3, 2, 'basil', '2025-04-12');
  `);
  db.close();
}

/** A BIRD-layout folder: dev.json, dev_tables.json, dev_databases/ (one database present, one missing). */
export function writeBirdFolder(dir: string, records?: unknown): void {
  fs.rmSync(dir, { recursive: true, force: true });
  writeGardenDatabase(path.join(dir, "dev_databases", "garden_club", "garden_club.sqlite"));
  const questions = records ?? [
    {
      question_id: 0,
      db_id: "garden_club",
      question: "How many plots are there?",
      evidence: "",
      SQL: "SELECT count(*) FROM plots",
      difficulty: "simple",
    },
    {
      question_id: 1,
      db_id: "garden_club",
      question: "Which crops grow in the Greenhouse?",
      evidence: "Greenhouse refers to plots.name = 'Greenhouse'",
      SQL: "SELECT crop FROM plantings JOIN plots USING (plot_id) WHERE plots.name = 'Greenhouse'",
      difficulty: "moderate",
    },
    {
      question_id: 2,
      db_id: "seed_bank",
      question: "How many seed packets are stored?",
      evidence: "",
      SQL: "SELECT count(*) FROM packets",
      difficulty: "simple",
    },
  ];
  fs.writeFileSync(path.join(dir, "dev.json"), JSON.stringify(questions, null, 2));
  fs.writeFileSync(
    path.join(dir, "dev_tables.json"),
    JSON.stringify([
      {
        db_id: "seed_bank",
        table_names_original: ["packets"],
        column_names_original: [
          [-1, "*"],
          [0, "packet_id"],
          [0, "species"],
        ],
        column_types: ["text", "number", "text"],
        primary_keys: [1],
        foreign_keys: [],
      },
    ]),
  );
}

/**
 * A BIRD-layout folder of one database, slow_samples: a small table its two questions ask about,
 * and six tables whose one row has a generated column that takes seconds to compute (40 MB strings
 * made and measured 200 times), so that reading a database's first rows for an export's prompts
 * (each table up to its time limit) keeps the export running for several seconds.
 */
export function writeSlowSamplesFolder(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, "dev_databases", "slow_samples", "slow_samples.sqlite");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  const slow = Array.from({ length: 200 }, () => "length(hex(zeroblob(20000000)))").join(" + ");
  const heavy = Array.from({ length: 6 }, (_, i) => `heavy_${i}`);
  db.exec(`BEGIN;
    CREATE TABLE plots (plot_id INTEGER PRIMARY KEY, name TEXT NOT NULL, area_m2 REAL);
    INSERT INTO plots VALUES (1, 'North bed', 12.5), (2, 'Greenhouse', 30), (3, 'Herb spiral', 4);
    ${heavy
      .map(
        (t) => `CREATE TABLE ${t} (id INTEGER PRIMARY KEY, price REAL); INSERT INTO ${t} VALUES (1, 2.5);
    ALTER TABLE ${t} ADD COLUMN big INTEGER GENERATED ALWAYS AS (${slow}) VIRTUAL;`,
      )
      .join("\n")}
    COMMIT;`); // added after the row: SQLite leaves a virtual column's work to the first read
  db.close();
  const questions = [
    {
      question_id: 0,
      db_id: "slow_samples",
      question: "Which plots are larger than 10 square metres?",
      evidence: "",
      SQL: "SELECT name FROM plots WHERE area_m2 > 10",
      difficulty: "simple",
    },
    {
      question_id: 1,
      db_id: "slow_samples",
      question: "How many plots are there?",
      evidence: "",
      SQL: "SELECT count(*) FROM plots",
      difficulty: "simple",
    },
  ];
  fs.writeFileSync(path.join(dir, "dev.json"), JSON.stringify(questions, null, 2));
}
