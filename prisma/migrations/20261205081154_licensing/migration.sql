-- CreateTable
CREATE TABLE "registry_tenants" (
    "id" UUID NOT NULL,
    "company_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "edition" TEXT NOT NULL,
    "installed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "registry_tenants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "license_entitlements" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "edition" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "current_period_end" TIMESTAMP(3),
    "stripe_subscription_id" TEXT,
    "stripe_customer_id" TEXT,
    "checkout_session_id" TEXT,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "license_entitlements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "install_codes" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entitlement_id" TEXT,
    "code_digest" TEXT NOT NULL,
    "sealed_code" TEXT,
    "shown_at" TIMESTAMP(3),
    "outbox_message_id" TEXT,
    "checkout_session_id" TEXT,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "consumed_at" TIMESTAMP(3),
    "consumed_by" TEXT,
    "sealed_answer" TEXT,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "install_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "appliances" (
    "id" TEXT NOT NULL,
    "appliance_id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "entitlement_id" TEXT NOT NULL,
    "credential_hash" TEXT NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "last_check_in_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "appliances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "licences" (
    "id" TEXT NOT NULL,
    "appliance_id" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "licences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "license_rate_limits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMP(3) NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "license_rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "registry_tenants_contact_email_idx" ON "registry_tenants"("contact_email");

-- CreateIndex
CREATE INDEX "registry_tenants_created_at_idx" ON "registry_tenants"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "license_entitlements_stripe_subscription_id_key" ON "license_entitlements"("stripe_subscription_id");

-- CreateIndex
CREATE UNIQUE INDEX "license_entitlements_checkout_session_id_key" ON "license_entitlements"("checkout_session_id");

-- CreateIndex
CREATE INDEX "license_entitlements_tenant_id_idx" ON "license_entitlements"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "install_codes_code_digest_key" ON "install_codes"("code_digest");

-- CreateIndex
CREATE UNIQUE INDEX "install_codes_checkout_session_id_key" ON "install_codes"("checkout_session_id");

-- CreateIndex
CREATE INDEX "install_codes_tenant_id_created_at_idx" ON "install_codes"("tenant_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "appliances_tenant_id_appliance_id_key" ON "appliances"("tenant_id", "appliance_id");

-- CreateIndex
CREATE INDEX "licences_appliance_id_issued_at_idx" ON "licences"("appliance_id", "issued_at");

-- AddForeignKey
ALTER TABLE "license_entitlements" ADD CONSTRAINT "license_entitlements_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "registry_tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "install_codes" ADD CONSTRAINT "install_codes_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "registry_tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "install_codes" ADD CONSTRAINT "install_codes_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "license_entitlements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appliances" ADD CONSTRAINT "appliances_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "registry_tenants"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "appliances" ADD CONSTRAINT "appliances_entitlement_id_fkey" FOREIGN KEY ("entitlement_id") REFERENCES "license_entitlements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "licences" ADD CONSTRAINT "licences_appliance_id_fkey" FOREIGN KEY ("appliance_id") REFERENCES "appliances"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
