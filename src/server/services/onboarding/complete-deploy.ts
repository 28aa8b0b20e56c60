import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDb } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/validation/text";
import { scheduleAdvance } from "./advance-onboarding";
import { ZOnboardingId } from "./onboarding.types";
import { notFound } from "./onboarding-view";
import { failSession, lockSession } from "./session-state";

export const ZDeployCompleteInput = z.strictObject({
  id: ZOnboardingId,
  status: z.enum(["succeeded", "failed"]),
  message: text().max(4000).optional(),
  url: text().max(2000).pipe(z.url()).optional(),
});
export type TDeployCompleteInput = z.infer<typeof ZDeployCompleteInput>;

/**
 * The deploy workflow reports its outcome. The first outcome ends
 * `deploy_services` and the runner goes on (or the session fails); the same
 * outcome again is a no-op, a different one is CONFLICT.
 */
export async function completeDeploy(opts: {
  db?: TDb;
  input: TDeployCompleteInput;
}): Promise<{ onboardingId: string; status: "succeeded" | "failed"; changed: boolean }> {
  const db = opts.db ?? defaultDb();
  const { input } = opts;
  return db.$transaction(async (tx) => {
    if (!(await lockSession(tx, input.id))) throw notFound(input.id);
    const step = await tx.onboardingStep.findUniqueOrThrow({
      where: { sessionId_key: { sessionId: input.id, key: "deploy_services" } },
    });
    if (step.status === input.status) return { onboardingId: input.id, status: input.status, changed: false };
    if (step.status !== "running") {
      throw new AppError("CONFLICT", {
        message: `deploy_services of ${input.id} is ${step.status}, not waiting for a deploy`,
        details: { status: step.status },
      });
    }
    const result = {
      ...((step.result as Prisma.JsonObject | null) ?? {}),
      ...(input.url ? { deployed_url: input.url } : {}),
      ...(input.message ? { message: input.message } : {}),
    };
    if (input.status === "failed") {
      await failSession(tx, {
        sessionId: input.id,
        step: "deploy_services",
        error: `The deploy workflow failed${input.message ? `: ${input.message}` : ""}`,
        result,
      });
    } else {
      await tx.onboardingStep.update({
        where: { sessionId_key: { sessionId: input.id, key: "deploy_services" } },
        data: { status: "succeeded", finishedAt: new Date(), result },
      });
      await scheduleAdvance(tx, input.id);
    }
    return { onboardingId: input.id, status: input.status, changed: true };
  });
}
