-- Trigram operator classes for the /cp substring searches (contrib module, shipped with Postgres
-- and with the embedded-postgres binaries).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "trace_id" TEXT;

-- Deliveries recorded before the column existed: their trace id is in the payload.
UPDATE "webhook_deliveries" SET "trace_id" = "payload"->'data'->>'trace_id' WHERE "payload"->'data'->>'trace_id' IS NOT NULL;

-- CreateIndex
CREATE INDEX "onboarding_sessions_trace_id_idx" ON "onboarding_sessions"("trace_id");

-- CreateIndex
CREATE INDEX "onboarding_sessions_slug_trgm_idx" ON "onboarding_sessions" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "onboarding_sessions_platform_name_trgm_idx" ON "onboarding_sessions" USING GIN ("platform_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "tenants_slug_trgm_idx" ON "tenants" USING GIN ("slug" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "tenants_company_name_trgm_idx" ON "tenants" USING GIN ("company_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "webhook_deliveries_trace_id_idx" ON "webhook_deliveries"("trace_id");
