// The stand-in's answers to the strong prompts (propose domains, write a database, write questions):
// deterministic from the prompt, shaped as a real model's answers, for the offline demo and tests.
import crypto from "node:crypto";
import { seededRandom } from "@/lib/util/seeded-random";

const DOMAINS = [
  "ferry timetables",
  "beekeeping cooperative",
  "wind farm maintenance",
  "community orchestra",
  "urban bike sharing",
  "seed bank",
  "municipal recycling",
  "amateur astronomy club",
  "coffee roastery",
  "mountain rescue service",
  "textile dye works",
  "lighthouse preservation",
  "river water quality",
  "vintage camera repair",
  "chess league",
];

const hash = (text: string) => crypto.createHash("sha1").update(text).digest().readUInt32BE(0);

export function proposeDomains(count: number, seed: number): string {
  const start = seed % DOMAINS.length;
  const picked = Array.from(
    { length: Math.min(count, DOMAINS.length) },
    (_, i) => DOMAINS[(start + i) % DOMAINS.length],
  );
  return `Here are ${picked.length} domains:\n\`\`\`json\n${JSON.stringify(picked)}\n\`\`\``;
}

/** Three related tables (sites, staff, assignments) with rows seeded from the domain's name. */
export function writeDatabase(domain: string, seed: number): string {
  const { int, pick } = seededRandom(hash(`${domain}:${seed}`));
  const label = domain.replace(/'/g, "''");
  const cities = ["Lyon", "Porto", "Tartu", "Ghent", "Bergen", "Graz"];
  const roles = ["lead", "technician", "volunteer", "coordinator"];
  const people = ["Ana", "Bo", "Chen", "Dara", "Eli", "Femi", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lea"];
  const lines = [
    "CREATE TABLE sites (\n  site_id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  city TEXT,\n  opened_year INTEGER\n);",
    "CREATE TABLE staff (\n  staff_id INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  role TEXT,\n  site_id INTEGER REFERENCES sites(site_id),\n  salary REAL\n);",
    "CREATE TABLE assignments (\n  assignment_id INTEGER PRIMARY KEY,\n  staff_id INTEGER REFERENCES staff(staff_id),\n  title TEXT,\n  hours INTEGER,\n  year INTEGER\n);",
  ];
  for (let s = 1; s <= 5; s++)
    lines.push(
      `INSERT INTO sites VALUES (${s}, '${label} ${["North", "South", "East", "West", "Central"][s - 1]}', '${pick(cities)}', ${int(1990, 2019)});`,
    );
  for (let p = 1; p <= 12; p++)
    lines.push(
      `INSERT INTO staff VALUES (${p}, '${people[p - 1]}', '${pick(roles)}', ${int(1, 5)}, ${int(30, 69) * 1000});`,
    );
  for (let a = 1; a <= 30; a++)
    lines.push(
      `INSERT INTO assignments VALUES (${a}, ${int(1, 12)}, '${pick(["survey", "repair", "audit", "training", "outreach"])} ${a}', ${int(1, 40)}, ${int(2019, 2024)});`,
    );
  return `A database for ${domain}:\n\n\`\`\`sql\n${lines.join("\n")}\n\`\`\``;
}
