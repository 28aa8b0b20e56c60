-- CreateTable
CREATE TABLE "portal_targets" (
    "tenant_id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_targets_pkey" PRIMARY KEY ("tenant_id")
);

-- CreateTable
CREATE TABLE "portal_domains" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "status_message" TEXT NOT NULL,
    "tenant_slot" TEXT,
    "domain_slot" TEXT,
    "trace_id" TEXT NOT NULL,
    "last_checked_at" TIMESTAMP(3),
    "next_check_at" TIMESTAMP(3),
    "failed_checks" INTEGER NOT NULL DEFAULT 0,
    "cert_pending_since" TIMESTAMP(3),
    "manifests" JSONB,
    "applied" BOOLEAN NOT NULL DEFAULT false,
    "created_by" TEXT,
    "activated_at" TIMESTAMP(3),
    "disabled_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portal_domains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ops_alerts" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "tenant_id" UUID,
    "message" TEXT NOT NULL,
    "open_key" TEXT,
    "raised_at" TIMESTAMP(3) NOT NULL,
    "cleared_at" TIMESTAMP(3),

    CONSTRAINT "ops_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portal_targets_label_key" ON "portal_targets"("label");

-- CreateIndex
CREATE UNIQUE INDEX "portal_domains_tenant_slot_key" ON "portal_domains"("tenant_slot");

-- CreateIndex
CREATE UNIQUE INDEX "portal_domains_domain_slot_key" ON "portal_domains"("domain_slot");

-- CreateIndex
CREATE INDEX "portal_domains_tenant_id_created_at_idx" ON "portal_domains"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "portal_domains_status_created_at_idx" ON "portal_domains"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "ops_alerts_open_key_key" ON "ops_alerts"("open_key");

-- CreateIndex
CREATE INDEX "ops_alerts_cleared_at_raised_at_idx" ON "ops_alerts"("cleared_at", "raised_at");

-- CreateIndex
CREATE INDEX "ops_alerts_subject_id_idx" ON "ops_alerts"("subject_id");
