import { z } from "zod";
import { ZRegion } from "@/env";
import { ZProvisionStage } from "@/server/services/provisioning/provision-queue-message";
import { ZTenantSlug } from "@/server/services/tenants/tenant-slug";
import { text } from "@/server/validation/text";

export const ZPlan = z.enum(["starter", "growth", "scale"]);

export const ZCreateTenantRequest = z
  .strictObject({
    company_name: text()
      .trim()
      .min(2, "company_name must be at least 2 characters")
      .max(100, "company_name must be at most 100 characters")
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "company_name may not contain control characters"),
    subdomain_slug: ZTenantSlug.meta({ description: "DNS label: 3-40 lowercase letters, digits, inner hyphens" }),
    region: ZRegion.optional().meta({ description: "Default from DEFAULT_REGION" }),
    plan: ZPlan.optional().meta({ description: "Default starter; scale gets a dedicated stack" }),
    simulate_failure_stage: ZProvisionStage.optional().meta({
      description: "Local runner only (400 otherwise): this stage fails on the first attempt",
    }),
  })
  .meta({ id: "CreateTenantRequest" });

export const ZCreateTenantResponse = z
  .object({
    job_id: z.string(),
    tenant_id: z.string(),
    trace_id: z.string(),
    status: z.literal("Pending"),
  })
  .meta({ id: "CreateTenantResponse" });
