import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SqlBlock } from "@/components/sql/sql-block";
import { sqlRunClass } from "@/components/sql/sql-run-classes";

describe("SqlBlock", () => {
  it("renders each highlighted run as a span with its kind's classes, the rest as plain text", () => {
    const html = renderToStaticMarkup(
      createElement(SqlBlock, {
        sql: `SELECT "name" FROM t -- note\nWHERE n = 42 AND s = 'x'`,
        label: "Gold SQL",
      }),
    );
    const span = (cls: string, text: string) => `<span class="${cls}">${text}</span>`;
    expect(html).toContain('<pre aria-label="Gold SQL"');
    expect(html).toContain(span(sqlRunClass.keyword, "SELECT"));
    expect(html).toContain(span(sqlRunClass.quoted, "&quot;name&quot;"));
    expect(html).toContain(span(sqlRunClass.comment, "-- note"));
    expect(html).toContain(span(sqlRunClass.number, "42"));
    expect(html).toContain(span(sqlRunClass.string, "&#x27;x&#x27;"));
    expect(html).toContain(`${span(sqlRunClass.keyword, "FROM")} t `);
  });
});
