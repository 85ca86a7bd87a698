import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { authFile, e2eDataDir, e2eStoreEnv, projectRoot, type E2eRole } from "./e2e-paths";
import { signInAs } from "./sign-in";

// Accounts and roles in a real browser: each role sees only its areas and the server refuses the
// rest; the audit log names the person for reviews and exports from the dashboard and the CLI.

const navLinks = async (page: Page) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("link").allTextContents();

const allowed: Record<E2eRole, { name: string; links: string[]; refused: string[] }> = {
  annotator: {
    name: "Ann Notator",
    links: ["Overview", "Databases", "Tasks", "SQL console", "Review"],
    refused: ["/exports", "/jobs", "/audit", "/admin/accounts"],
  },
  researcher: {
    name: "Rhea Search",
    links: ["Overview", "Databases", "Tasks", "SQL console", "Review", "Exports"],
    refused: ["/jobs", "/jobs/prompts", "/audit", "/admin/accounts"],
  },
  lead: {
    name: "Lee Lead",
    links: ["Overview", "Databases", "Tasks", "SQL console", "Jobs", "Review", "Exports", "Audit log"],
    refused: ["/admin/accounts"],
  },
  admin: {
    name: "Ada Admin",
    links: [
      "Overview",
      "Databases",
      "Tasks",
      "SQL console",
      "Jobs",
      "Review",
      "Exports",
      "Audit log",
      "Accounts",
    ],
    refused: [],
  },
};

for (const role of Object.keys(allowed) as E2eRole[]) {
  test.describe(`as the ${role}`, () => {
    test.use({ storageState: authFile(role) });

    test(`the ${role} sees only their areas, and the server refuses the others`, async ({
      page,
      baseURL,
    }) => {
      const { name, links, refused } = allowed[role];
      await page.goto("/");
      await expect(page.getByTestId("signed-in-name")).toHaveText(name);
      await expect(page.getByTestId("signed-in-role")).toHaveText(role);
      expect(await navLinks(page)).toEqual(links);
      // the overview: only leads and admins see the jobs and everyone's progress
      await expect(page.getByRole("region", { name: "Jobs overview" })).toHaveCount(
        role === "lead" || role === "admin" ? 1 : 0,
      );
      for (const href of refused) {
        const response = await page.goto(href);
        expect(response?.status(), href).toBe(403);
        await expect(page.getByRole("main").getByRole("alert")).toContainText("Not for your role");
        await expect(page, href).toHaveTitle("Not for your role · Sense Studio");
      }
      for (const href of links.map(
        (l) =>
          ({
            Overview: "/",
            Databases: "/databases",
            Tasks: "/tasks",
            "SQL console": "/console",
            Jobs: "/jobs",
            Review: "/review/browse",
            Exports: "/exports",
            "Audit log": "/audit",
            Accounts: "/admin/accounts",
          })[l]!,
      )) {
        expect((await page.goto(href))?.status(), href).toBe(200);
        // each page is titled as its heading says
        const heading = await page.getByRole("main").getByRole("heading", { level: 1 }).textContent();
        await expect(page, href).toHaveTitle(`${heading} · Sense Studio`);
      }
      // what the UI hides, the API refuses too
      const startJob = await page.request.post("/api/jobs", {
        data: { kind: "mutation", tasks: { database: "city_library", limit: 1 } },
        headers: { origin: baseURL! },
      });
      expect(startJob.status()).toBe(role === "lead" || role === "admin" ? 200 : 403);
      if (startJob.status() === 200) {
        const { job } = (await startJob.json()) as { job: { id: string } };
        expect(
          (await page.request.post(`/api/jobs/${job.id}/cancel`, { headers: { origin: baseURL! } })).status(),
        ).toBe(200);
      }
      // the databases page: only an admin gets the forms that add databases
      await page.goto("/databases");
      await expect(page.getByRole("heading", { name: "Databases" })).toBeVisible();
      await expect(page.getByRole("form", { name: "Upload a SQLite file" })).toHaveCount(
        role === "admin" ? 1 : 0,
      );
    });
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("nobody is sent to sign in, a wrong password is refused in words, and sign-in returns to the page asked for", async ({
    page,
  }) => {
    const response = await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs$/);
    expect(response?.status()).toBe(200);
    expect((await page.request.get("/api/jobs")).status()).toBe(401);
    expect((await page.request.get("/api/health")).status()).toBe(200);
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill("lee@e2e.test");
    await form.getByLabel("Password").fill("not the password at all");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toHaveText("The email or the password is wrong.");
    await signInAs(page, "Lee Lead", "/jobs");
    await expect(page.getByRole("heading", { name: "Jobs" })).toBeVisible();
    const cookie = (await page.context().cookies()).find((c) => c.name === "sense_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("sense_session");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  });

  test("sign-in stops after five failures for one email, and says for how long", async ({ page }) => {
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill("guessed@e2e.test");
    for (let i = 0; i < 5; i++) {
      await form.getByLabel("Password").fill(`guess number ${i}`);
      await form.getByRole("button", { name: "Sign in" }).click();
      await expect(form.getByRole("alert")).toHaveText("The email or the password is wrong.");
      await expect(form.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await form.getByLabel("Password").fill("one more guess");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      /^Too many failed sign-ins for guessed@e2e\.test\. Try again in 15 minute\(s\)\.$/,
    );
  });
});

// Nia's open page polls the API: once her session ends, its next 401 sends it to the sign-in page
// by itself, which would abort a goto made at the same moment. Leaving the app first (about:blank
// runs none of its code) makes the server's redirect the only one.
async function revisit(page: Page, path: string) {
  await page.goto("about:blank");
  await page.goto(path);
}

test.describe("an admin's accounts", () => {
  test.use({ storageState: authFile("admin") });

  test("an admin makes an account and sets its role; the person signs in; a password reset and a disable each sign them out", async ({
    page,
    browser,
  }) => {
    await page.goto("/admin/accounts");
    const form = page.getByRole("form", { name: "New account" });
    await form.getByLabel("Email").fill("Nia@e2e.test");
    await form.getByLabel("Name").fill("Nia New");
    await form.getByLabel("Role").selectOption("annotator");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Make account" }).click();
    await expect(form.getByRole("alert")).toContainText(
      "The password needs at least 12 characters (this one has 5).",
    );
    await form.getByLabel("Initial password").fill("nia's first password");
    await form.getByRole("button", { name: "Make account" }).click();
    await expect(form.getByRole("status")).toHaveText("Made nia@e2e.test.");
    const accounts = page.getByRole("table", { name: "Accounts" });
    await accounts.getByLabel("Role of nia@e2e.test").selectOption("researcher");
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: "Make nia@e2e.test a researcher" })
      .click();
    await expect(accounts.getByLabel("Role of nia@e2e.test")).toHaveValue("researcher");
    await expect(accounts.locator('[data-email="nia@e2e.test"]')).toBeVisible();

    const nia = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const niaPage = await nia.newPage();
    await niaPage.goto("/sign-in");
    const signIn = niaPage.getByRole("form", { name: "Sign in" });
    await signIn.getByLabel("Email").fill("nia@e2e.test");
    await signIn.getByLabel("Password").fill("nia's first password");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(niaPage.getByTestId("signed-in-role")).toHaveText("researcher");
    expect(await navLinks(niaPage)).toContain("Exports");

    // Nia forgot her password: the admin sets a new one, which ends her sessions
    const niaRow = accounts.locator('[data-email="nia@e2e.test"]');
    await niaRow.getByRole("button", { name: "Set password" }).click();
    await niaRow.getByLabel("New password of nia@e2e.test").fill("nia's second password");
    await niaRow.getByRole("button", { name: "Save" }).click();
    await expect(niaRow.getByRole("button", { name: "Password set" })).toBeVisible();
    await revisit(niaPage, "/exports");
    await expect(niaPage).toHaveURL(/\/sign-in\?next=%2Fexports$/);
    await signIn.getByLabel("Email").fill("nia@e2e.test");
    await signIn.getByLabel("Password").fill("nia's second password");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(niaPage.getByRole("heading", { name: "Exports" })).toBeVisible();

    await accounts.locator('[data-email="nia@e2e.test"]').getByRole("button", { name: "Disable" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable nia@e2e.test" }).click();
    await expect(accounts.locator('[data-email="nia@e2e.test"]')).toContainText("disabled");
    await revisit(niaPage, "/exports");
    await expect(niaPage).toHaveURL(/\/sign-in\?next=%2Fexports$/);
    await nia.close();
    // the last admin cannot take away their own role
    await accounts.getByLabel("Role of ada@e2e.test").selectOption("lead");
    await page.getByRole("alertdialog").getByRole("button", { name: "Make ada@e2e.test a lead" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This is the last active admin");
  });
});

test.describe("the audit log names the person", () => {
  test("for a review and an export from the dashboard, and an export from the CLI with the person's API token", async ({
    browser,
  }) => {
    // Ann reviews one SFT sample in the dashboard
    const ann = await browser.newContext({ storageState: authFile("annotator") });
    const annPage = await ann.newPage();
    await annPage.goto("/review?queue=sft");
    const item = annPage.getByRole("article", { name: "Review item" });
    await expect(item).toBeVisible();
    const reviewed = (await item.getAttribute("data-item-id")) ?? "";
    await annPage.keyboard.press("a");
    await expect(item).not.toHaveAttribute("data-item-id", reviewed);
    await ann.close();

    // Rhea exports in the dashboard, makes a token on her Account page, and exports with the CLI
    const rhea = await browser.newContext({ storageState: authFile("researcher") });
    const rheaPage = await rhea.newPage();
    await rheaPage.goto("/exports");
    const form = rheaPage.getByRole("form", { name: "New export" });
    await form.getByLabel("Format").selectOption("alpaca");
    await form.getByRole("checkbox", { name: "pending" }).check();
    await form.getByRole("button", { name: "Start export" }).click();
    await expect(form.getByRole("status")).toHaveText("Export started.");
    await rheaPage.goto("/account");
    const tokens = rheaPage.getByRole("region", { name: "API tokens" });
    await tokens.getByLabel("Token name").fill("laptop CLI");
    await tokens.getByRole("button", { name: "Make a token" }).click();
    const token = (await tokens.getByTestId("new-token").textContent()) ?? "";
    expect(token).toMatch(/^sst_/);
    await expect(tokens.getByRole("table", { name: "Your tokens" })).toContainText("laptop CLI");
    await rhea.close();
    const out = path.join(e2eDataDir, "cli-exports", "rhea.jsonl");
    const cli = spawnSync(
      process.execPath,
      ["bin/sense.mjs", "export", "--format", "alpaca", "--status", "pending", "--out", out, "--force"],
      {
        cwd: projectRoot,
        encoding: "utf8",
        env: { ...process.env, ...e2eStoreEnv, SENSE_API_TOKEN: token },
      },
    );
    expect(cli.stderr).toBe("");
    expect(cli.status).toBe(0);

    // the lead reads the audit log
    const lead = await browser.newContext({ storageState: authFile("lead") });
    const leadPage = await lead.newPage();
    await leadPage.goto("/audit");
    const log = leadPage.getByRole("table", { name: "Audit log" });
    const rows = log.getByRole("row");
    await expect(rows.filter({ hasText: "review.accept" }).filter({ hasText: reviewed })).toContainText(
      "Ann Notator",
    );
    const via = (how: string) => leadPage.getByRole("cell", { name: how, exact: true });
    const rheaExports = rows
      .filter({ hasText: "export.start" })
      .filter({ has: leadPage.getByRole("cell", { name: "Rhea Search", exact: true }) });
    await expect(rheaExports.filter({ has: via("cli") }).first()).toBeVisible();
    await expect(rheaExports.filter({ has: via("ui") }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "token.create" }).filter({ hasText: "laptop CLI" })).toContainText(
      "Rhea Search",
    );
    await lead.close();
  });
});
