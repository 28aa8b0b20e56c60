import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here; migrations run through the
// wasm schema engine (scripts/db.ts), so no datasource URL is needed at build.
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
