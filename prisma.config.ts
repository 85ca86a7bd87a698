import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma 7's CLI fetches a native schema engine on every command; none can be downloaded here.
// generate/validate/format never run it, so point it at a stub that fails loudly if anything does.
// Migrations are created and applied by our own tooling (see README "Migrations").
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma", "no-schema-engine.sh");

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
