import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { restCall } from "../../../../test/support/rest-call";
import { resetDatabase } from "../../../../test/support/db";
import { startJobRuntime, stopJobRuntime } from "@/jobs/runtime";
import { db } from "@/server/db";
import { startS3TestServer, type TS3TestServer } from "@/server/integrations/object-store/s3-test-server";
import { createSmtpMailer } from "@/server/integrations/mail/smtp-mailer";
import { startSmtpTestServer, type TSmtpTestServer } from "@/server/integrations/mail/smtp-test-server";
import { deliverOutboxMessage } from "@/server/services/outbox/deliver-outbox-message";
import { presignIsoDownload } from "./iso-download-link";
import { applyLicensingEnv } from "./licensing-test-support";

const ISO = Buffer.from("ISO9660 appliance image bytes");
const ISO_KEY = "appliance/current/embark-appliance.iso";
let s3: TS3TestServer;
let smtp: TSmtpTestServer;

function objectStoreEnv(overrides: Record<string, string> = {}) {
  applyLicensingEnv({
    OBJECT_STORE_ENDPOINT: s3.endpoint,
    OBJECT_STORE_REGION: s3.region,
    OBJECT_STORE_BUCKET: "releases",
    OBJECT_STORE_ACCESS_KEY: s3.accessKey,
    OBJECT_STORE_SECRET_KEY: s3.secretKey,
    APPLIANCE_ISO_KEY: ISO_KEY,
    ...overrides,
  });
}

const registerEssentials = (email: string) =>
  restCall("POST", "/internal/license/register-tenant", { body: { company_name: "Download Co", contact_email: email, edition: "essentials" } });

beforeAll(async () => {
  await startJobRuntime({ role: "web" });
  s3 = await startS3TestServer();
  s3.put("releases", ISO_KEY, ISO);
  smtp = await startSmtpTestServer();
});
afterAll(async () => {
  for (const k of ["OBJECT_STORE_ENDPOINT", "OBJECT_STORE_BUCKET", "OBJECT_STORE_ACCESS_KEY", "OBJECT_STORE_SECRET_KEY", "INSTALL_CODE_TTL_HOURS"]) delete process.env[k];
  await s3?.close();
  await smtp?.close();
  await stopJobRuntime();
});
beforeEach(async () => {
  objectStoreEnv();
  await resetDatabase();
});

describe("the presigned ISO link", () => {
  it("downloads the ISO from the object store, for as long as the code lives", async () => {
    const res = await registerEssentials("iso@download.example");
    expect(res.status).toBe(201);
    const link = new URL(res.body.download_url);
    expect(link.origin).toBe(s3.endpoint);
    expect(link.pathname).toBe(`/releases/${ISO_KEY}`);
    expect(link.searchParams.get("X-Amz-Expires")).toBe(String(72 * 3600));
    const download = await fetch(link);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(ISO);
  });

  it("is refused when tampered with", async () => {
    const { body } = await registerEssentials("tamper@download.example");
    const otherKey = body.download_url.replace("embark-appliance.iso", "other.iso");
    expect((await fetch(otherKey)).status).toBe(403);
    const longer = new URL(body.download_url);
    longer.searchParams.set("X-Amz-Expires", "604800");
    const refused = await fetch(longer);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("SignatureDoesNotMatch");
  });

  it("is refused after it expires", async () => {
    const now = new Date(Date.now() - 3600_000);
    const link = await presignIsoDownload({ now, until: new Date(now.getTime() + 60_000) });
    expect(link.url).not.toBe("");
    const res = await fetch(link.url);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Request has expired");
  });

  it("never lives longer than seven days, whatever the code's TTL", async () => {
    objectStoreEnv({ INSTALL_CODE_TTL_HOURS: String(10 * 24) });
    const { body } = await registerEssentials("long@download.example");
    expect(new URL(body.download_url).searchParams.get("X-Amz-Expires")).toBe("604800");
  });
});

describe("the install-code email", () => {
  it("arrives with the code and the link; an SMTP outage delays it without loss or a second code", async () => {
    const { body } = await registerEssentials("mail@download.example");
    const code = await db().installCode.findFirstOrThrow();
    const down = createSmtpMailer({ url: "smtp://127.0.0.1:1", from: "Embark <no-reply@embark.test>" });
    await expect(deliverOutboxMessage({ id: code.outboxMessageId!, isLastAttempt: false, mailer: down })).rejects.toThrow();
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: code.outboxMessageId! } })).toMatchObject({ status: "queued", attempts: 1 });

    const up = createSmtpMailer({ url: smtp.url, from: "Embark <no-reply@embark.test>" });
    expect(await deliverOutboxMessage({ id: code.outboxMessageId!, isLastAttempt: false, mailer: up })).toBe("sent");
    const mail = await smtp.mailTo("mail@download.example");
    expect(mail.headers.get("subject")).toContain("install code");
    expect(mail.text).toContain(body.install_code);
    expect(mail.text.replace(/\s+/g, "")).toContain(body.download_url.replace(/\s+/g, ""));
    expect(await db().installCode.count()).toBe(1);
    expect(await db().outboxMessage.count()).toBe(1);
  });
});
