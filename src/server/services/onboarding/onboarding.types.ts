import { z } from "zod";
import { ZRegion } from "@/env";
import { ZPlan } from "@/server/routers/tenants/create-tenant.types";
import { ZProvisionStage } from "@/server/services/provisioning/provision-queue-message";
import { ZTenantSlug } from "@/server/services/tenants/tenant-slug";
import { jsonObject } from "@/server/validation/json-object";
import { text } from "@/server/validation/text";
import { ZTraceId } from "@/server/services/trace/trace-event";
import { ONBOARDING_STATUSES, ONBOARDING_STEP_KEYS, PAYMENT_STATUSES, STEP_STATUSES } from "./steps";

export const ZOnboardingId = z.string().regex(/^onb_[0-9A-Za-z]{10,40}$/, "not an onboarding id (onb_...)");

export const ZCreateOnboardingRequest = z
  .strictObject({
    platformName: text()
      .trim()
      .min(2, "platformName must be at least 2 characters")
      .max(100, "platformName must be at most 100 characters")
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "platformName may not contain control characters"),
    slug: ZTenantSlug.meta({ description: "The tenant's subdomain: 3-40 lowercase letters, digits, inner hyphens" }),
    tier: ZPlan.meta({ description: "starter (free), growth or scale (paid through Stripe Checkout)" }),
    userId: text().trim().min(1, "userId is required").max(200, "userId must be at most 200 characters"),
    stackTemplateId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,100}$/, "stackTemplateId may contain only letters, digits, dots, dashes and underscores")
      .optional(),
    region: ZRegion.optional().meta({ description: "Default from DEFAULT_REGION" }),
    simulate_failure_stage: ZProvisionStage.optional().meta({
      description: "Local runner only (400 otherwise): provisioning fails at this stage on the first attempt",
    }),
    traceId: ZTraceId.optional().meta({
      description:
        "The trace the wizard started before sign-in; the session, its provision job and every trace and funnel event carry it. Default (or when another tenant already uses it): a fresh one",
    }),
  })
  .meta({ id: "CreateOnboardingRequest" });
export type TCreateOnboardingRequest = z.infer<typeof ZCreateOnboardingRequest>;

export const ZOnboardingStep = z
  .object({
    key: z.enum(ONBOARDING_STEP_KEYS),
    label: z.string(),
    status: z.enum(STEP_STATUSES),
    attempts: z.number().int(),
    result: z.record(z.string(), z.unknown()).nullable(),
    error: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "OnboardingStep" });

export const ZOnboardingSession = z
  .object({
    onboardingId: z.string(),
    jobId: z.string().nullable(),
    status: z.enum(ONBOARDING_STATUSES),
    steps: z.array(ZOnboardingStep),
    platformName: z.string(),
    slug: z.string(),
    tier: ZPlan,
    region: z.string(),
    userId: z.string(),
    stackTemplateId: z.string().nullable(),
    paymentStatus: z.enum(PAYMENT_STATUSES),
    checkoutUrl: z.string().nullable(),
    tenantId: z.string().nullable(),
    traceId: z.string().nullable(),
    tenantUrl: z.string().nullable(),
    failedStep: z.string().nullable(),
    error: z.string().nullable(),
    resumeCount: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: "OnboardingSession" });
export type TOnboardingSession = z.infer<typeof ZOnboardingSession>;

export const ZPatchOnboardingRequest = z
  .strictObject({
    id: ZOnboardingId,
    status: z.enum(ONBOARDING_STATUSES).optional(),
    provisionJobId: z.string().regex(/^job_[0-9A-Za-z]{10,40}$/, "provisionJobId must be a job id (job_...)").optional(),
    error: text().trim().min(1).max(2000).optional(),
    steps: z
      .array(
        z.strictObject({
          key: z.enum(ONBOARDING_STEP_KEYS),
          status: z.enum(STEP_STATUSES),
          result: jsonObject().optional(),
          error: text().trim().min(1).max(2000).optional(),
        }),
      )
      .max(5)
      .optional(),
  })
  .refine((b) => b.status !== undefined || b.provisionJobId !== undefined || (b.steps?.length ?? 0) > 0, {
    message: "Send at least one of status, provisionJobId or steps",
  })
  .meta({ id: "PatchOnboardingRequest" });
export type TPatchOnboardingRequest = z.infer<typeof ZPatchOnboardingRequest>;
