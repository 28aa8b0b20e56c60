import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { JOB_DEFINITIONS } from "@/jobs/registry";
import { db } from "@/server/db";
import { resetDatabase } from "../../../../test/support/db";
import { licensingMaintainJob } from "./maintain";
import { createLicensingMaintainHandler } from "./maintain.handler";

const NOW = new Date("2026-12-05T12:00:00Z");
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MINUTE);

beforeEach(() => resetDatabase());

async function seedCodes() {
  const tenantId = randomUUID();
  await db().registryTenant.create({ data: { id: tenantId, companyName: "Sealed Ltd", contactEmail: "it@sealed.example", edition: "essentials" } });
  const code = (id: string, over: Record<string, unknown>) =>
    db().installCode.create({ data: { id, tenantId, codeDigest: `digest-${id}`, expiresAt: new Date(NOW.getTime() + 60 * MINUTE), ...over } });
  await code("ic_answer_old", { consumedAt: ago(16), consumedBy: "box-1", sealedAnswer: "sealed-answer-1" });
  await code("ic_answer_fresh", { consumedAt: ago(5), consumedBy: "box-2", sealedAnswer: "sealed-answer-2" });
  await code("ic_code_expired", { expiresAt: ago(1), sealedCode: "sealed-code-1" });
  await code("ic_code_revoked", { revokedAt: ago(1), sealedCode: "sealed-code-2" });
  await code("ic_code_open", { sealedCode: "sealed-code-3" });
}

describe("licensing.maintain", () => {
  it("is registered and scheduled", () => {
    expect(JOB_DEFINITIONS).toContain(licensingMaintainJob);
    expect(licensingMaintainJob.cron).toBeTruthy();
  });

  it("drops redeem answers past the retry window and sealed codes nobody can redeem, and nothing else", async () => {
    await seedCodes();
    const ctx = { jobId: "test", retryCount: 0, retryLimit: 0, isLastAttempt: true, signal: new AbortController().signal };
    await createLicensingMaintainHandler({ now: () => NOW })({}, ctx);
    const rows = await db().installCode.findMany({ select: { id: true, sealedAnswer: true, sealedCode: true }, orderBy: { id: "asc" } });
    expect(rows).toEqual([
      { id: "ic_answer_fresh", sealedAnswer: "sealed-answer-2", sealedCode: null },
      { id: "ic_answer_old", sealedAnswer: null, sealedCode: null },
      { id: "ic_code_expired", sealedAnswer: null, sealedCode: null },
      { id: "ic_code_open", sealedAnswer: null, sealedCode: "sealed-code-3" },
      { id: "ic_code_revoked", sealedAnswer: null, sealedCode: null },
    ]);
  });
});
