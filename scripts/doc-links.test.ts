// Every relative link in the project's documents points at a file that exists, and every #anchor at
// a heading of its page (GitHub's slugs): README.md, CONTRIBUTING.md and docs/**/*.md.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

const documents = [
  path.join(root, "README.md"),
  path.join(root, "CONTRIBUTING.md"),
  ...markdownFiles(path.join(root, "docs")),
];

/** The text outside fenced code blocks and inline code spans (links there are examples, not links). */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = heading!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count ? `${base}-${count}` : base);
  }
  return anchors;
}

/** The targets of inline links and images: `[text](target)` and `![alt](target "title")`. */
export function linkTargets(text: string): string[] {
  return [...prose(text).matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with each relative link of one document, in words (none when all resolve). */
function brokenLinks(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const problems: string[] = [];
  for (const target of linkTargets(text)) {
    if (isExternal(target)) continue;
    const [rawPath = "", anchor] = target.split("#");
    const linked = rawPath ? path.resolve(path.dirname(file), decodeURIComponent(rawPath)) : file;
    if (!fs.existsSync(linked)) {
      problems.push(`${target}: no file ${path.relative(root, linked)}`);
      continue;
    }
    if (anchor && linked.endsWith(".md") && !headingAnchors(fs.readFileSync(linked, "utf8")).has(anchor)) {
      problems.push(`${target}: no heading #${anchor} in ${path.relative(root, linked)}`);
    }
  }
  return problems;
}

describe("links in the documents", () => {
  it("reads links and anchors as GitHub does", () => {
    expect(linkTargets('see [a](docs/a.md#x), ![b](public/b.png "B") and `[c](nowhere.md)`')).toEqual([
      "docs/a.md#x",
      "public/b.png",
    ]);
    expect([
      ...headingAnchors("# Sense Studio\n## The two commands\n### Jobs\n## Jobs\n```\n# not a heading\n```"),
    ]).toEqual(["sense-studio", "the-two-commands", "jobs", "jobs-1"]);
  });

  it("finds the documents", () => {
    const names = documents.map((f) => path.relative(root, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "README.md",
        "CONTRIBUTING.md",
        "docs/architecture.md",
        path.join("docs", "decisions", "README.md"),
      ]),
    );
  });

  it.each(documents.map((f) => [path.relative(root, f), f]))(
    "%s: every relative link resolves",
    (_name, file) => {
      expect(brokenLinks(file)).toEqual([]);
    },
  );
});
