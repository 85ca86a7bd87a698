import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eDataDir, e2eStoreEnv } from "./e2e-paths";
import { replaceSql } from "./sql-editor-input";

// Pages come with a Content-Security-Policy whose script nonce is fresh per response (no
// 'unsafe-inline' scripts), and the app works under it in Chromium: no violation is reported on
// any page a journey opens here, and client code runs (the console answers a query).

type Violation = { directive: string; blocked: string };

async function watchViolations(page: Page): Promise<() => Promise<Violation[]>> {
  await page.addInitScript(() => {
    const seen: { directive: string; blocked: string }[] = [];
    (window as unknown as { __cspViolations: typeof seen }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push({ directive: e.violatedDirective, blocked: e.blockedURI }),
    );
  });
  const fromConsole: Violation[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      fromConsole.push({ directive: `console on ${new URL(page.url()).pathname}`, blocked: message.text() });
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: Violation[] }).__cspViolations)),
  ];
}

const nonceOf = (csp: string) => /script-src [^;]*'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp)?.[1];

test("every page is sent with a nonce-based CSP and the usual headers, and works under it", async ({
  page,
}) => {
  const violations = await watchViolations(page);
  const nonces = new Set<string>();
  for (const path of [
    "/",
    "/tasks",
    "/databases",
    "/databases/city_library",
    "/review",
    "/review/browse",
    "/jobs",
    "/jobs/prompts",
    "/exports",
    "/audit",
    "/admin/accounts",
    "/account",
    "/no-such-page",
  ]) {
    const response = await page.goto(path);
    expect(response, path).not.toBeNull();
    const headers = response!.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = nonceOf(csp);
    expect(nonce, `${path}: ${csp}`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("same-origin");
    // Next.js put the nonce on its own scripts
    expect(await page.locator(`script[nonce]`).count(), path).toBeGreaterThan(0);
  }
  expect(nonces.size).toBe(13); // a fresh nonce per response

  await page.goto("/console?database=city_library");
  const editor = page.getByRole("textbox", { name: "SQL" });
  await replaceSql(page, editor, "SELECT count(*) FROM books");
  await editor.press("Control+Enter");
  await expect(page.getByRole("main").getByRole("status")).toContainText("1 row in");
  expect(await violations()).toEqual([]);
});

test("API answers carry nosniff and a CSP that allows nothing to run", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("a signed-in person sent to sign-in with a non-ASCII next= path lands on it", async ({ page }) => {
  const response = await page.goto(`/sign-in?next=${encodeURIComponent("/tasks?q=数据 bibliothèque")}`);
  expect(response!.status()).toBe(200);
  expect(page.url()).toContain("/tasks?q=%E6%95%B0%E6%8D%AE%20biblioth%C3%A8que");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the app keeps its data files to its owner: folder 0700, store files 0600", () => {
  const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
  expect(mode(e2eDataDir)).toBe("700");
  for (const file of [
    e2eStoreEnv.SENSE_DB_FILE,
    `${e2eStoreEnv.SENSE_DB_FILE}-wal`,
    `${e2eStoreEnv.SENSE_DB_FILE}-shm`,
  ])
    expect(mode(file), file).toBe("600");
});

test("pages name an icon that the server serves (no favicon 404 on every page)", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(new URL(response.url()).pathname);
  });
  await page.goto("/databases");
  const href = await page.locator('head link[rel="icon"]').first().getAttribute("href");
  expect(href).toMatch(/^\/icon\.svg/);
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});
