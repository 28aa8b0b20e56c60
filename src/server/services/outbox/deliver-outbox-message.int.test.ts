import { createServer, type AddressInfo, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createSmtpMailer, type TMailer } from "@/server/integrations/mail/smtp-mailer";
import { startSmtpTestServer, type TSmtpTestServer } from "@/server/integrations/mail/smtp-test-server";
import { operatorCaller } from "../../../../test/support/operator-caller";
import { deliverOutboxMessage } from "./deliver-outbox-message";
import { HELD_REASON, WIPED_BODY } from "./outbox-status";
import { queueEmail } from "./queue-email";

let smtp: TSmtpTestServer;
let mailer: TMailer;
const FROM = "Embark <no-reply@embark.test>";
const row = (id: string) => db().outboxMessage.findUniqueOrThrow({ where: { id } });

beforeAll(async () => {
  await startJobRuntime({ role: "web" });
  smtp = await startSmtpTestServer();
  mailer = createSmtpMailer({ url: smtp.url, from: FROM });
});
afterAll(async () => {
  await smtp?.close();
  await stopJobRuntime();
});

describe("deliverOutboxMessage over SMTP", () => {
  it("delivers with the right envelope, headers and body, and marks the row sent", async () => {
    const { id } = await queueEmail({ to: "grace@example.com", subject: "Your tenant is ready", text: "It is live." });
    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer })).toBe("sent");

    const mail = await smtp.mailTo("grace@example.com");
    expect(mail.mailFrom).toBe("no-reply@embark.test");
    expect(mail.rcptTo).toEqual(["grace@example.com"]);
    expect(mail.headers.get("from")).toBe(FROM);
    expect(mail.headers.get("to")).toBe("grace@example.com");
    expect(mail.headers.get("subject")).toBe("Your tenant is ready");
    expect(mail.headers.get("message-id")).toBe(`<${id}@embark.test>`);
    expect(mail.text).toBe("It is live.");

    const sent = await row(id);
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null, messageId: `<${id}@embark.test>` });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(sent.body).toBe("It is live.");
  });

  it("sends a sensitive body in plain text, then wipes it from the row", async () => {
    const { id } = await queueEmail({ to: "code@example.com", subject: "Code", text: "Your code: 551903", sensitive: true });
    expect((await row(id)).body).toMatch(/^enc:v1:/);
    await deliverOutboxMessage({ id, isLastAttempt: false, mailer });
    expect((await smtp.mailTo("code@example.com")).text).toBe("Your code: 551903");
    expect(await row(id)).toMatchObject({ status: "sent", body: WIPED_BODY });
  });

  it("sends once when run twice", async () => {
    const { id } = await queueEmail({ to: "once@example.com", subject: "Once", text: "only once" });
    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer })).toBe("sent");
    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer })).toBe("already-sent");
    expect(smtp.received.filter((m) => m.rcptTo.includes("once@example.com"))).toHaveLength(1);
    expect((await row(id)).attempts).toBe(1);
  });

  it("records a refusal and throws so the job retries; the last attempt marks it failed", async () => {
    const { id } = await queueEmail({ to: "nobody@example.com", subject: "Hi", text: "x" });
    smtp.rejectRecipients({ code: 550, message: "5.1.1 mailbox unavailable" });
    try {
      const err = await deliverOutboxMessage({ id, isLastAttempt: false, mailer }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/550/);
      const retrying = await row(id);
      expect(retrying).toMatchObject({ status: "queued", attempts: 1 });
      expect(retrying.lastError).toMatch(/550 5\.1\.1 mailbox unavailable/);

      await expect(deliverOutboxMessage({ id, isLastAttempt: true, mailer })).rejects.toThrow(/550/);
      expect(await row(id)).toMatchObject({ status: "failed", attempts: 2 });
    } finally {
      smtp.rejectRecipients(null);
    }
  });

  it("holds the message, still sealed, when no SMTP is configured", async () => {
    const { id } = await queueEmail({ to: "grace@example.com", subject: "Code", text: "code 1", sensitive: true });
    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer: null })).toBe("held");
    const held = await row(id);
    expect(held).toMatchObject({ status: "held", lastError: HELD_REASON, attempts: 0 });
    expect(held.body).toMatch(/^enc:v1:/);
  });

  it("marks a body sealed under another secret failed without sending it", async () => {
    const { id } = await queueEmail({ to: "grace@example.com", subject: "Code", text: "code 2", sensitive: true });
    const before = smtp.received.length;
    expect(await deliverOutboxMessage({ id, isLastAttempt: false, mailer, secret: "another-secret-entirely-0123456789" })).toBe(
      "undecryptable",
    );
    expect(await row(id)).toMatchObject({ status: "failed" });
    expect(smtp.received.length).toBe(before);
  });
});

describe("deliverOutboxMessage when the SMTP server fails", () => {
  /** A TCP server on loopback that answers each connection with `greeting`, or, without one, never says a word. */
  async function brokenSmtp(greeting?: string) {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => undefined);
      if (greeting) socket.end(`${greeting}\r\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      mailer: createSmtpMailer({ url: `smtp://127.0.0.1:${port}`, from: FROM }),
      close: () => {
        for (const s of sockets) s.destroy();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }

  /** The message as an operator sees it on /cp: the tRPC procedure behind the outbox page. */
  const opsView = async (id: string) => (await operatorCaller()).ops.outbox.get({ id });

  it.each([
    { name: "answers 421 (service not available)", greeting: "421 4.3.2 try again later", reason: /421/ },
    { name: "accepts the connection and never greets", greeting: undefined, reason: /greeting|timeout/i },
  ])("$name: the attempt fails with the reason, the message stays queued for the job's retry, and operators see why", async ({ greeting, reason }) => {
    const broken = await brokenSmtp(greeting);
    try {
      const { id } = await queueEmail({ to: "someone@example.com", subject: "Hi", text: "x" });
      const err = await deliverOutboxMessage({ id, isLastAttempt: false, mailer: broken.mailer }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("UNAVAILABLE");
      const seen = await opsView(id);
      expect(seen).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringMatching(reason) });
    } finally {
      await broken.close();
    }
  }, 30_000);
});
