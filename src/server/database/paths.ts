import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** prisma/schema.prisma of this repository, wherever the process runs from. */
export const DEFAULT_SCHEMA_PATH = path.join(repoRoot, "prisma", "schema.prisma");
/** prisma/migrations of this repository. */
export const DEFAULT_MIGRATIONS_DIR = path.join(repoRoot, "prisma", "migrations");

/** Filters for every engine call: no tables or enums are managed outside Prisma. */
export const NO_EXTERNAL = { externalTables: [], externalEnums: [] };
