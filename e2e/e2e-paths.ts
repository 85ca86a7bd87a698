// Paths shared by the e2e server script and the tests. The e2e store lives in its own folder.
import path from "node:path";

export const projectRoot = path.resolve(__dirname, "..");
export const e2eDataDir = path.join(projectRoot, ".e2e-data");
export const e2eImportsDir = path.join(e2eDataDir, "imports");
export const spiderDir = path.resolve(projectRoot, "..", "shared", "data", "spider");
export const seededFile = path.join(e2eDataDir, "seeded.json"); // what serve-e2e.ts made for the review journeys
export const authDir = path.join(e2eDataDir, "auth"); // storage states of the signed-in roles
export const e2eStoreEnv = {
  SENSE_DATA_DIR: e2eDataDir,
  SENSE_DB_FILE: path.join(e2eDataDir, "sense-e2e.db"),
};

// The e2e store's accounts, made by serve-e2e.ts through `sense user add` (this password exists only
// in the throwaway e2e store). The first of each role signs in once in auth.setup.ts.
export const E2E_PASSWORD = "e2e password, long enough";
export type E2eRole = "annotator" | "researcher" | "lead" | "admin";
export const e2eAccounts = [
  { role: "admin", name: "Ada Admin", email: "ada@e2e.test" },
  { role: "lead", name: "Lee Lead", email: "lee@e2e.test" },
  { role: "researcher", name: "Rhea Search", email: "rhea@e2e.test" },
  { role: "annotator", name: "Ann Notator", email: "ann@e2e.test" },
  // reviewers of the review journeys, each their own person
  ...["Ana Keys", "Bo Two", "Cy Two", "Di Idle", "Ed Next", "Fay Later", "Pia Pairs"].map((name) => ({
    role: "annotator" as const,
    name,
    email: `${name.split(" ")[0]!.toLowerCase()}@e2e.test`,
  })),
] as const satisfies readonly { role: E2eRole; name: string; email: string }[];
export const authFile = (role: E2eRole) => path.join(authDir, `${role}.json`);
