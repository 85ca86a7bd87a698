// The stand-in's question writer: reads the CREATE TABLE statements in the prompt and fills question
// templates for the asked difficulty. Like a real model it sometimes errs: one hard template names a
// column that does not exist, and asking for more than it has repeats itself (near duplicates).

type Column = { name: string; type: string; pk: boolean };
type Table = {
  name: string;
  columns: Column[];
  fks: { column: string; refTable: string; refColumn: string }[];
};
type Sample = { question: string; sql: string };

export function parseDdlTables(text: string): Table[] {
  return [...text.matchAll(/CREATE TABLE "?(\w+)"? \(\n([\s\S]*?)\n\);/g)].map((m) => {
    const columns: Column[] = [];
    const fks: Table["fks"] = [];
    for (const line of m[2]!.split(",\n").map((l) => l.trim())) {
      const fk = /^FOREIGN KEY \((\w+)\) REFERENCES (\w+)\((\w+)\)/.exec(line);
      if (fk) fks.push({ column: fk[1]!, refTable: fk[2]!, refColumn: fk[3]! });
      else if (!line.startsWith("PRIMARY KEY")) {
        const [name = "", type = ""] = line.split(/\s+/);
        columns.push({ name, type: type.toUpperCase(), pk: line.includes("PRIMARY KEY") });
      }
    }
    return { name: m[1]!, columns, fks };
  });
}

const words = (name: string) => name.replace(/_/g, " ");
const numeric = (t: Table) =>
  t.columns.filter(
    (c) => !c.pk && /INT|REAL|NUM|FLOAT|DOUBLE/.test(c.type) && !t.fks.some((f) => f.column === c.name),
  );
const textual = (t: Table) => t.columns.filter((c) => /TEXT|CHAR/.test(c.type));

function templates(tables: Table[], difficulty: string): Sample[] {
  const out: Sample[] = [];
  const joins = tables.flatMap((child) =>
    child.fks.flatMap((fk) => {
      const parent = tables.find((t) => t.name === fk.refTable);
      return parent ? [{ child, parent, fk }] : [];
    }),
  );
  for (const t of tables) {
    const n = numeric(t)[0];
    const c = textual(t)[0];
    if (difficulty === "easy") {
      out.push({ question: `How many ${words(t.name)} are there?`, sql: `SELECT count(*) FROM ${t.name}` });
      if (c)
        out.push({
          question: `List the ${words(c.name)} of every record in ${words(t.name)}.`,
          sql: `SELECT ${c.name} FROM ${t.name}`,
        });
      if (n)
        out.push({
          question: `What is the highest ${words(n.name)} in ${words(t.name)}?`,
          sql: `SELECT max(${n.name}) FROM ${t.name}`,
        });
    } else if (difficulty === "medium") {
      if (n)
        out.push({
          question: `What is the average ${words(n.name)} of ${words(t.name)}?`,
          sql: `SELECT avg(${n.name}) FROM ${t.name}`,
        });
      const g = textual(t)[1] ?? c;
      if (g)
        out.push({
          question: `How many ${words(t.name)} are there for each ${words(g.name)}?`,
          sql: `SELECT ${g.name}, count(*) FROM ${t.name} GROUP BY ${g.name}`,
        });
    } else if (difficulty === "hard") {
      if (n && c)
        out.push({
          question: `Which ${words(t.name)} have a ${words(n.name)} above the average? Give their ${words(c.name)}.`,
          sql: `SELECT ${c.name} FROM ${t.name} WHERE ${n.name} > (SELECT avg(${n.name}) FROM ${t.name})`,
        });
      if (n && c)
        out.push({
          question: `Which three ${words(t.name)} have the largest ${words(n.name)}?`,
          sql: `SELECT ${c.name}, ${n.name} FROM ${t.name} ORDER BY ${n.name} DESC LIMIT 3`,
        });
    }
  }
  for (const { child, parent, fk } of joins) {
    const pc = textual(parent)[0]?.name ?? fk.refColumn;
    const cc = textual(child)[0]?.name ?? fk.column;
    if (difficulty === "medium")
      out.push({
        question: `For each of the ${words(child.name)}, give its ${words(cc)} and the ${words(pc)} of its ${words(parent.name)}.`,
        sql: `SELECT T1.${cc}, T2.${pc} FROM ${child.name} AS T1 JOIN ${parent.name} AS T2 ON T1.${fk.column} = T2.${fk.refColumn}`,
      });
    if (difficulty === "hard") {
      out.push({
        question: `Which ${words(parent.name)} have more than two ${words(child.name)}?`,
        sql: `SELECT T2.${pc} FROM ${child.name} AS T1 JOIN ${parent.name} AS T2 ON T1.${fk.column} = T2.${fk.refColumn} GROUP BY T2.${fk.refColumn} HAVING count(*) > 2`,
      });
      out.push({
        question: `What is the ${words(pc)} label of each ${words(parent.name)}?`,
        sql: `SELECT ${pc}_label FROM ${parent.name}`,
      }); // the stand-in's mistake: no such column
    }
    if (difficulty === "extra") {
      out.push({
        question: `Which ${words(parent.name)} have no ${words(child.name)} at all?`,
        sql: `SELECT ${pc} FROM ${parent.name} WHERE ${fk.refColumn} NOT IN (SELECT ${fk.column} FROM ${child.name} WHERE ${fk.column} IS NOT NULL)`,
      });
      const n = numeric(child)[0];
      if (n)
        out.push({
          question: `Which ${words(parent.name)} has the largest total ${words(n.name)} over its ${words(child.name)}?`,
          sql: `SELECT T2.${pc}, sum(T1.${n.name}) FROM ${child.name} AS T1 JOIN ${parent.name} AS T2 ON T1.${fk.column} = T2.${fk.refColumn} GROUP BY T2.${fk.refColumn} ORDER BY sum(T1.${n.name}) DESC LIMIT 1`,
        });
      const grand = joins.find((j) => j.child.name === parent.name);
      if (grand) {
        const gc = textual(grand.parent)[0]?.name ?? grand.fk.refColumn;
        out.push({
          question: `How many ${words(child.name)} belong to each ${words(grand.parent.name)}, most first?`,
          sql: `SELECT T3.${gc}, count(*) FROM ${child.name} AS T1 JOIN ${parent.name} AS T2 ON T1.${fk.column} = T2.${fk.refColumn} JOIN ${grand.parent.name} AS T3 ON T2.${grand.fk.column} = T3.${grand.fk.refColumn} GROUP BY T3.${grand.fk.refColumn} ORDER BY count(*) DESC`,
        });
      }
    }
  }
  return out;
}

export function writeQuestions(prompt: string, difficulty: string, count: number, part: number): string {
  const pool = templates(parseDdlTables(prompt), difficulty);
  if (!pool.length) return "I cannot write questions for this schema.";
  const picked = Array.from({ length: count }, (_, i) => pool[(part * count + i) % pool.length]!);
  return `\`\`\`json\n${JSON.stringify(picked, null, 2)}\n\`\`\``;
}
