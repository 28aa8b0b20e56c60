import type { Prisma } from "@/generated/prisma/client";
import type { TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import type { TPlan } from "@/server/services/placement/decide-placement";
import type { TProvisionStage } from "@/server/services/provisioning/provision-queue-message";
import { registerTenant } from "@/server/services/tenants/create-tenant";
import type { TRegion } from "@/server/services/placement/decide-placement";
import { failSession, startStep } from "./session-state";

type TSessionForPlatform = {
  id: string;
  platformName: string;
  slug: string;
  tier: string;
  region: string;
  simulateFailureStage: string | null;
  createdBy: string;
  traceId: string | null;
};

/**
 * Step `create_platform`, in the caller's transaction (the session row is
 * locked or new): registers the tenant through the provisioning spine, which
 * places it and queues its provision job, and starts `provision_infra`.
 * `onTaken: "throw"` answers a taken slug with CONFLICT (a signup request);
 * `"fail"` fails the step and the session instead (a paid checkout that
 * completes after someone else took the slug must still be acknowledged).
 */
export async function runCreatePlatform(
  tx: TDbOrTx,
  session: TSessionForPlatform,
  opts: { onTaken: "throw" | "fail" },
): Promise<{ jobId: string } | null> {
  const now = new Date();
  await startStep(tx, session.id, "create_platform");
  let registered;
  try {
    registered = await registerTenant(tx, {
      input: {
        company_name: session.platformName,
        subdomain_slug: session.slug,
        region: session.region as TRegion,
        plan: session.tier as TPlan,
        simulate_failure_stage: (session.simulateFailureStage as TProvisionStage | null) ?? undefined,
      },
      createdBy: session.createdBy.startsWith("user:") ? session.createdBy.slice("user:".length) : null,
      traceId: session.traceId,
    });
  } catch (err) {
    if (opts.onTaken === "fail" && err instanceof AppError && err.code === "CONFLICT") {
      await failSession(tx, { sessionId: session.id, step: "create_platform", error: err.message });
      return null;
    }
    throw err;
  }
  await tx.onboardingStep.update({
    where: { sessionId_key: { sessionId: session.id, key: "create_platform" } },
    data: {
      status: "succeeded",
      finishedAt: now,
      result: {
        tenant_id: registered.tenant_id,
        canonical_hostname: registered.canonical_hostname,
        region: registered.region,
        plan: registered.plan,
        placement: { ...registered.placement } as Prisma.InputJsonObject,
      },
    },
  });
  await startStep(tx, session.id, "provision_infra", { result: { job_id: registered.job_id, trace_id: registered.trace_id } });
  await tx.onboardingSession.update({
    where: { id: session.id },
    data: {
      status: "in_progress",
      startedAt: now,
      tenantId: registered.tenant_id,
      provisionJobId: registered.job_id,
      traceId: registered.trace_id,
    },
  });
  return { jobId: registered.job_id };
}
