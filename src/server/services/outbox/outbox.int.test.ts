import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { currentBoss } from "@/jobs/boss";
import { enqueue } from "@/jobs/registry";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { getOutboxMessage } from "./get-outbox-message";
import { listOutbox } from "./list-outbox";
import { HIDDEN_BODY } from "./outbox-status";
import { queueEmail } from "./queue-email";
import { retryOutboxMessage } from "./retry-outbox-message";

const jobsFor = (messageId: string) => currentBoss()!.findJobs("mail.send", { data: { messageId } });

async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

// Send-only: jobs stay queued where the tests can look at them.
beforeAll(() => startJobRuntime({ role: "web" }));
afterAll(() => stopJobRuntime());
beforeEach(async () => {
  await db().outboxMessage.deleteMany();
});

describe("queueEmail", () => {
  it("writes nothing, row or job, when the caller's transaction rolls back", async () => {
    let id = "";
    await expect(
      db().$transaction(async (tx) => {
        ({ id } = await queueEmail({ to: "ada@example.com", subject: "Welcome", text: "Hello", db: tx }));
        throw new Error("caller failed after queueing");
      }),
    ).rejects.toThrow("caller failed");
    expect(id).toMatch(/^msg_/);
    expect(await db().outboxMessage.findUnique({ where: { id } })).toBeNull();
    expect(await jobsFor(id)).toEqual([]);
  });

  it("commits the row and its mail.send job together", async () => {
    const { id } = await queueEmail({ to: "ada@example.com", subject: "Welcome", text: "Hello Ada" });
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ to: "ada@example.com", subject: "Welcome", body: "Hello Ada", status: "queued" });
    const jobs = await jobsFor(id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ state: "created", retryLimit: 8, retryDelay: 30, retryBackoff: true });
  });

  it("commits with the caller's transaction", async () => {
    const { id } = await db().$transaction((tx) =>
      queueEmail({ to: "ada@example.com", subject: "Welcome", text: "Hello", db: tx }),
    );
    expect(await db().outboxMessage.count({ where: { id } })).toBe(1);
    expect(await jobsFor(id)).toHaveLength(1);
  });

  it("encrypts a sensitive body at rest", async () => {
    const { id } = await queueEmail({ to: "ada@example.com", subject: "Code", text: "Your code: 482913", sensitive: true });
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
    expect(row.sensitive).toBe(true);
    expect(row.body).toMatch(/^enc:v1:/);
    expect(row.body).not.toContain("482913");
  });

  it("rejects a bad address or a multi-line subject with BAD_REQUEST", async () => {
    const bad = await appErrorOf(queueEmail({ to: "not-an-address", subject: "x", text: "y" }));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.details).toEqual([expect.objectContaining({ path: ["to"] })]);
    const injected = await appErrorOf(queueEmail({ to: "a@example.com", subject: "x\r\nBcc: b@example.com", text: "y" }));
    expect(injected.code).toBe("BAD_REQUEST");
    expect(await db().outboxMessage.count()).toBe(0);
  });
});

describe("enqueue", () => {
  it("rejects a payload its definition does not accept, and sends nothing", async () => {
    const before = (await currentBoss()!.findJobs("mail.send")).length;
    const err = await appErrorOf(enqueue("mail.send", { messageId: "not-an-id" }));
    expect(err.message).toMatch(/invalid payload for background job mail.send/);
    expect((await currentBoss()!.findJobs("mail.send")).length).toBe(before);
  });
});

describe("listOutbox", () => {
  it("pages newest first without gaps or repeats, and hides sensitive bodies", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await queueEmail({ to: `u${i}@example.com`, subject: `S${i}`, text: `secret ${i}`, sensitive: i === 2 })).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listOutbox({ limit: 2, cursor });
      seen.push(...page.items.map((m) => m.id));
      for (const item of page.items) {
        expect(item).not.toHaveProperty("body");
        expect(item.preview).toBe(item.sensitive ? HIDDEN_BODY : `secret ${item.subject.slice(1)}`);
      }
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
    expect(JSON.stringify(await listOutbox({ limit: 10 }))).not.toContain("secret 2");
  });

  it("filters by status and rejects a forged cursor", async () => {
    const { id } = await queueEmail({ to: "a@example.com", subject: "x", text: "y" });
    await db().outboxMessage.update({ where: { id }, data: { status: "failed" } });
    await queueEmail({ to: "b@example.com", subject: "x", text: "y" });
    expect((await listOutbox({ status: "failed", limit: 10 })).items.map((m) => m.id)).toEqual([id]);
    expect((await appErrorOf(listOutbox({ limit: 10, cursor: "garbage" }))).code).toBe("BAD_REQUEST");
  });
});

describe("getOutboxMessage", () => {
  it("hides a sensitive body unless revealed in local-mailbox mode", async () => {
    const { id } = await queueEmail({ to: "a@example.com", subject: "Code", text: "code 777111", sensitive: true });
    expect(await getOutboxMessage({ id })).toMatchObject({ body: HIDDEN_BODY, revealed: false, sensitive: true });
    expect(await getOutboxMessage({ id, reveal: true, localMailbox: true })).toMatchObject({
      body: "code 777111",
      revealed: true,
    });
    expect((await appErrorOf(getOutboxMessage({ id, reveal: true, localMailbox: false }))).code).toBe("FORBIDDEN");
  });

  it("returns a plain body as is and NOT_FOUND for unknown ids", async () => {
    const { id } = await queueEmail({ to: "a@example.com", subject: "Hi", text: "plain" });
    expect((await getOutboxMessage({ id })).body).toBe("plain");
    expect((await appErrorOf(getOutboxMessage({ id: "msg_00000000000000000000000000" }))).code).toBe("NOT_FOUND");
  });
});

describe("retryOutboxMessage", () => {
  it("re-queues a failed message with a fresh job", async () => {
    const { id } = await queueEmail({ to: "a@example.com", subject: "Hi", text: "x" });
    await db().outboxMessage.update({ where: { id }, data: { status: "failed", lastError: "550 no such user" } });
    expect(await retryOutboxMessage({ id })).toEqual({ id, status: "queued" });
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "queued", lastError: null });
    expect(await jobsFor(id)).toHaveLength(2);
  });

  it("refuses a message that is still queued, and unknown ids", async () => {
    const { id } = await queueEmail({ to: "a@example.com", subject: "Hi", text: "x" });
    expect((await appErrorOf(retryOutboxMessage({ id }))).code).toBe("CONFLICT");
    expect(await jobsFor(id)).toHaveLength(1);
    expect((await appErrorOf(retryOutboxMessage({ id: "msg_00000000000000000000000000" }))).code).toBe("NOT_FOUND");
  });
});
