/**
 * Migrations through the in-process wasm schema engine (the Prisma CLI's
 * migrate commands need a downloaded engine binary). All of them close what
 * they open, so a caller that keeps running is not held up.
 */
export { applyMigrations, type TApplyMigrationsOptions } from "./apply-migrations";
export { createMigration, ZMigrationName, type TCreateMigrationOptions } from "./create-migration";
export { checkDrift, type TCheckDriftOptions } from "./check-drift";
export { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from "./paths";
