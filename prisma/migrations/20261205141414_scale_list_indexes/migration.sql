-- CreateIndex
CREATE INDEX "onboarding_sessions_slug_idx" ON "onboarding_sessions"("slug");

-- CreateIndex
CREATE INDEX "tenants_region_created_at_idx" ON "tenants"("region", "created_at");

-- CreateIndex
CREATE INDEX "tenants_created_at_id_idx" ON "tenants"("created_at", "id");
