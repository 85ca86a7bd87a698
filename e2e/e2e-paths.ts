// Paths shared by the e2e server script and the tests. The e2e store lives in its own folder.
import path from "node:path";

export const projectRoot = path.resolve(__dirname, "..");
export const e2eDataDir = path.join(projectRoot, ".e2e-data");
export const e2eImportsDir = path.join(e2eDataDir, "imports");
export const spiderDir = path.resolve(projectRoot, "..", "shared", "data", "spider");
export const seededFile = path.join(e2eDataDir, "seeded.json"); // what serve-e2e.ts made for the review journeys
