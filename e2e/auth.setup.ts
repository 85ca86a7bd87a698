import fs from "node:fs";
import { test as setup } from "@playwright/test";
import { authDir, authFile, e2eAccounts, type E2eRole } from "./e2e-paths";
import { signInAs } from "./sign-in";

// Signs in once per role through the real sign-in page and keeps the session for the journeys.
for (const role of ["admin", "lead", "researcher", "annotator"] as const satisfies readonly E2eRole[]) {
  setup(`sign in as the ${role}`, async ({ page }) => {
    fs.mkdirSync(authDir, { recursive: true });
    await signInAs(page, e2eAccounts.find((a) => a.role === role)!.name);
    await page.context().storageState({ path: authFile(role) });
  });
}
