-- CreateTable
CREATE TABLE "tenants" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "company_name" TEXT NOT NULL,
    "canonical_hostname" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "node_id" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nodes" (
    "id" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "hostname" TEXT,
    "server_ip" TEXT,
    "db_server_ip" TEXT,
    "capacity" INTEGER NOT NULL,
    "used" INTEGER NOT NULL DEFAULT 0,
    "dedicated" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "nodes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provision_jobs" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "retry_of_job_id" TEXT,
    "status" TEXT NOT NULL DEFAULT 'Pending',
    "infra_mode" TEXT NOT NULL,
    "dedicated" INTEGER,
    "region" TEXT NOT NULL,
    "trace_id" TEXT NOT NULL,
    "target_server_id" TEXT,
    "placement_reasons" TEXT[],
    "dispatch_mode" TEXT NOT NULL,
    "dispatch_started_at" TIMESTAMP(3),
    "dispatch_run_id" TEXT,
    "dispatch_run_url" TEXT,
    "callback_token_hash" TEXT,
    "simulate_failure_stage" TEXT,
    "failure_stage" TEXT,
    "message" TEXT,
    "outputs" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "dispatched_at" TIMESTAMP(3),
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "provision_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "trace_events" (
    "id" BIGSERIAL NOT NULL,
    "trace_id" TEXT NOT NULL,
    "job_id" TEXT,
    "stage" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "message" TEXT,
    "data" JSONB,
    "source" TEXT NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "trace_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_records" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_records_pkey" PRIMARY KEY ("scope","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenants_slug_key" ON "tenants"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "tenants_canonical_hostname_key" ON "tenants"("canonical_hostname");

-- CreateIndex
CREATE INDEX "tenants_status_created_at_idx" ON "tenants"("status", "created_at");

-- CreateIndex
CREATE INDEX "tenants_node_id_idx" ON "tenants"("node_id");

-- CreateIndex
CREATE INDEX "nodes_region_status_dedicated_idx" ON "nodes"("region", "status", "dedicated");

-- CreateIndex
CREATE UNIQUE INDEX "provision_jobs_retry_of_job_id_key" ON "provision_jobs"("retry_of_job_id");

-- CreateIndex
CREATE UNIQUE INDEX "provision_jobs_callback_token_hash_key" ON "provision_jobs"("callback_token_hash");

-- CreateIndex
CREATE INDEX "provision_jobs_tenant_id_attempt_idx" ON "provision_jobs"("tenant_id", "attempt");

-- CreateIndex
CREATE INDEX "provision_jobs_trace_id_idx" ON "provision_jobs"("trace_id");

-- CreateIndex
CREATE INDEX "provision_jobs_status_created_at_idx" ON "provision_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "provision_jobs_region_created_at_idx" ON "provision_jobs"("region", "created_at");

-- CreateIndex
CREATE INDEX "provision_jobs_created_at_id_idx" ON "provision_jobs"("created_at", "id");

-- CreateIndex
CREATE INDEX "trace_events_trace_id_occurred_at_id_idx" ON "trace_events"("trace_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "trace_events_job_id_idx" ON "trace_events"("job_id");

-- CreateIndex
CREATE INDEX "idempotency_records_created_at_idx" ON "idempotency_records"("created_at");

-- AddForeignKey
ALTER TABLE "tenants" ADD CONSTRAINT "tenants_node_id_fkey" FOREIGN KEY ("node_id") REFERENCES "nodes"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provision_jobs" ADD CONSTRAINT "provision_jobs_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Placement reserves capacity with a conditional update; this makes overfilling
-- impossible even for a write that forgets the condition.
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_used_within_capacity" CHECK ("used" >= 0 AND "used" <= "capacity");
