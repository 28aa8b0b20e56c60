-- CreateTable
CREATE TABLE "funnel_events" (
    "id" BIGSERIAL NOT NULL,
    "event_id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "step" TEXT,
    "session_id" TEXT,
    "trace_id" TEXT,
    "email_fingerprint" TEXT,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "funnel_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "funnel_events_event_id_key" ON "funnel_events"("event_id");

-- CreateIndex
CREATE INDEX "funnel_events_trace_id_occurred_at_id_idx" ON "funnel_events"("trace_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "funnel_events_session_id_occurred_at_id_idx" ON "funnel_events"("session_id", "occurred_at", "id");

-- CreateIndex
CREATE INDEX "funnel_events_occurred_at_id_idx" ON "funnel_events"("occurred_at", "id");

-- CreateIndex
CREATE INDEX "funnel_events_email_fingerprint_idx" ON "funnel_events"("email_fingerprint");
