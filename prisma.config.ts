// Prisma CLI configuration. The CLI runs the WASM schema engine against an embedded PGlite
// (./data/dev-pglite by default) so `migrate dev --create-only` works without any native engine.
// Migrations are applied at run time by server/data/database/migrate.ts on PGlite and PostgreSQL alike.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

const cliDataDir = process.env.PRISMA_CLI_PGLITE_DIR ?? path.join("data", "dev-pglite");

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    mkdirSync(cliDataDir, { recursive: true });
    return new PrismaPGlite(new PGlite(cliDataDir));
  },
});
