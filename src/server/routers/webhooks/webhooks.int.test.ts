import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import type { TUserRole } from "@/server/auth/roles";
import { db } from "@/server/db";
import { emitWebhookEvent } from "@/server/services/webhooks/emit-webhook-event";
import { createInnerContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

function callerAs(role: TUserRole, requestId = "req-test") {
  return createCaller(
    createInnerContext({
      requestId,
      principal: { kind: "user", user: { id: `user-${role}`, email: `${role}@example.com`, name: role, role } },
    }),
  );
}

const newEndpoint = { url: "https://hooks.example.com/embark", events: ["onboarding.completed" as const], description: "CRM sync" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return (err as TRPCError).code;
}

beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(() => resetDatabase());

describe("webhooks.createEndpoint", () => {
  it("returns the secret once, stores it sealed, and audits without it", async () => {
    const created = await callerAs("admin", "req-create").webhooks.createEndpoint(newEndpoint);
    expect(created).toMatchObject({ id: expect.stringMatching(/^whe_/), ...newEndpoint, enabled: true, createdBy: "admin@example.com" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(created.secretPrefix).toBe(created.secret.slice(0, 12));

    const rows = await db().$queryRaw<Record<string, unknown>[]>`SELECT * FROM webhook_endpoints`;
    expect(rows[0]!.secret_sealed).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows)).not.toContain(created.secret);
    const audit = await db().auditLog.findMany();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "webhookEndpoint.create",
        actorId: "user-admin",
        targetType: "webhookEndpoint",
        targetId: created.id,
        requestId: "req-create",
        details: { url: newEndpoint.url, events: newEndpoint.events, secretPrefix: created.secretPrefix },
      }),
    ]);
    expect(JSON.stringify(audit)).not.toContain(created.secret);

    const listed = await callerAs("viewer").webhooks.listEndpoints();
    expect(listed).toEqual([expect.objectContaining({ id: created.id, recentFailed: 0, recentRetrying: 0 })]);
    expect(Object.keys(listed[0]!)).not.toContain("secret");
    expect(JSON.stringify(listed)).not.toContain(created.secret);
  });

  it.each<TUserRole>(["viewer", "operator", "user"])("is FORBIDDEN to a %s", async (role) => {
    expect(await codeOf(callerAs(role).webhooks.createEndpoint(newEndpoint))).toBe("FORBIDDEN");
    expect(await db().webhookEndpoint.count()).toBe(0);
  });

  it("is UNAUTHORIZED without a session", async () => {
    const anonymous = createCaller(createInnerContext({ principal: { kind: "anonymous" } }));
    expect(await codeOf(anonymous.webhooks.listEndpoints())).toBe("UNAUTHORIZED");
  });

  it("rejects URLs that are not http(s) with a host, and empty or unknown events", async () => {
    const admin = callerAs("admin");
    for (const url of ["ftp://files.example.com/x", "not a url", "https://", "mailto:ops@example.com", "https://u:p@hooks.example.com/"]) {
      expect(await codeOf(admin.webhooks.createEndpoint({ ...newEndpoint, url })), url).toBe("BAD_REQUEST");
    }
    expect(await codeOf(admin.webhooks.createEndpoint({ ...newEndpoint, events: [] }))).toBe("BAD_REQUEST");
    // @ts-expect-error an unknown event is a type error too
    expect(await codeOf(admin.webhooks.createEndpoint({ ...newEndpoint, events: ["tenant.deleted"] }))).toBe("BAD_REQUEST");
    expect(await db().webhookEndpoint.count()).toBe(0);
    const local = await admin.webhooks.createEndpoint({ url: "http://127.0.0.1:8080/hook", events: ["provision.failed", "provision.failed"] });
    expect(local.events).toEqual(["provision.failed"]);
    expect(local.description).toBeNull();
  });
});

describe("managing endpoints", () => {
  it("updates, rotates and deletes, each audited, and only for admins", async () => {
    const admin = callerAs("admin");
    const created = await admin.webhooks.createEndpoint(newEndpoint);

    expect(await codeOf(callerAs("operator").webhooks.updateEndpoint({ id: created.id, enabled: false }))).toBe("FORBIDDEN");
    const disabled = await admin.webhooks.updateEndpoint({ id: created.id, enabled: false, description: "" });
    expect(disabled).toMatchObject({ enabled: false, description: null, url: newEndpoint.url });
    // The same values again change nothing and write no second row.
    await admin.webhooks.updateEndpoint({ id: created.id, enabled: false });
    const updates = await db().auditLog.findMany({ where: { action: "webhookEndpoint.update" } });
    expect(updates).toHaveLength(1);
    expect(updates[0]!.details).toEqual({ enabled: { from: true, to: false }, description: { from: "CRM sync", to: null } });

    expect(await codeOf(callerAs("viewer").webhooks.rotateSecret({ id: created.id }))).toBe("FORBIDDEN");
    const rotated = await admin.webhooks.rotateSecret({ id: created.id });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.secretPrefix).toBe(rotated.secret.slice(0, 12));
    expect(await db().auditLog.count({ where: { action: "webhookEndpoint.rotateSecret", targetId: created.id } })).toBe(1);

    expect(await codeOf(callerAs("operator").webhooks.deleteEndpoint({ id: created.id }))).toBe("FORBIDDEN");
    expect(await admin.webhooks.deleteEndpoint({ id: created.id })).toEqual({ id: created.id, deleted: true });
    expect(await db().webhookEndpoint.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "webhookEndpoint.delete", targetId: created.id } })).toBe(1);
    expect(await codeOf(admin.webhooks.deleteEndpoint({ id: created.id }))).toBe("NOT_FOUND");
    expect(await codeOf(admin.webhooks.updateEndpoint({ id: "whe_missing", enabled: true }))).toBe("NOT_FOUND");
  });
});

describe("deliveries", () => {
  it("lets viewers page and filter deliveries and read one, and operators replay", async () => {
    const admin = callerAs("admin");
    const a = await admin.webhooks.createEndpoint(newEndpoint);
    const b = await admin.webhooks.createEndpoint({ url: "https://b.example.com/hook", events: ["onboarding.completed", "onboarding.failed"] });
    for (let i = 0; i < 3; i++) await emitWebhookEvent({ db: db(), type: "onboarding.completed", data: { i } });
    await emitWebhookEvent({ db: db(), type: "onboarding.failed", data: { i: 3 } });
    const failedOne = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: b.id, eventType: "onboarding.failed" } });
    await db().webhookDelivery.update({ where: { id: failedOne.id }, data: { status: "failed", lastError: "HTTP 500" } });

    const viewer = callerAs("viewer");
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await viewer.webhooks.listDeliveries({ limit: 3, cursor });
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    const newestFirst = await db().webhookDelivery.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(seen).toEqual(newestFirst.map((d) => d.id));

    expect((await viewer.webhooks.listDeliveries({ endpointId: a.id })).items).toHaveLength(3);
    expect((await viewer.webhooks.listDeliveries({ eventType: "onboarding.failed" })).items.map((d) => d.id)).toEqual([failedOne.id]);
    expect((await viewer.webhooks.listDeliveries({ status: "failed" })).items.map((d) => d.id)).toEqual([failedOne.id]);
    expect(await codeOf(viewer.webhooks.listDeliveries({ cursor: "garbage" }))).toBe("BAD_REQUEST");
    expect((await viewer.webhooks.listEndpoints()).find((e) => e.id === b.id)).toMatchObject({ recentFailed: 1, recentRetrying: 0 });

    const detail = await viewer.webhooks.delivery({ id: failedOne.id });
    expect(detail).toMatchObject({ id: failedOne.id, status: "failed", endpoint: { id: b.id, url: b.url }, attemptLog: [] });
    expect(detail.payload).toMatchObject({ type: "onboarding.failed", data: { i: 3 } });
    expect(await codeOf(viewer.webhooks.delivery({ id: "whd_00000000000000000000000000" }))).toBe("NOT_FOUND");

    expect(await codeOf(viewer.webhooks.replay({ id: failedOne.id }))).toBe("FORBIDDEN");
    expect(await callerAs("operator", "req-replay").webhooks.replay({ id: failedOne.id })).toEqual({ id: failedOne.id, queued: true });
    expect(await db().auditLog.findFirst({ where: { action: "webhookDelivery.replay" } })).toMatchObject({
      actorId: "user-operator",
      requestId: "req-replay",
    });
  });
});
