import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TJsonBody } from "../../../../test/support/rest-call";

// The process logger is created on first import: this one writes into `lines`
// at the most verbose level, so everything the licensing paths log is seen.
const lines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  },
});

let restCall: typeof import("../../../../test/support/rest-call").restCall;
let stop: () => Promise<void>;

beforeAll(async () => {
  const { createLogger } = await import("@/server/create-logger");
  (globalThis as { __embarkLogger?: unknown }).__embarkLogger = createLogger({ level: "trace", destination: capture });
  ({ restCall } = await import("../../../../test/support/rest-call"));
  const { applyLicensingEnv } = await import("./licensing-test-support");
  applyLicensingEnv();
  const { startJobRuntime, stopJobRuntime } = await import("@/jobs/runtime");
  await startJobRuntime({ role: "web" });
  stop = stopJobRuntime;
});
afterAll(() => stop?.());

describe("licensing logs", () => {
  it("never carry an install code, an appliance credential or a licence JWT", async () => {
    const { createPaidTenant } = await import("./licensing-test-support");
    const { logger } = await import("@/server/logger");
    const secrets: string[] = [];
    const keep = (body: TJsonBody) => {
      for (const k of ["install_code", "appliance_credential", "first_jwt", "jwt"]) if (typeof body[k] === "string") secrets.push(body[k]);
      return body;
    };

    const essentials = keep((await restCall("POST", "/internal/license/register-tenant", { body: { company_name: "Logs Ltd", contact_email: "l@logs.example", edition: "essentials" } })).body);
    keep((await restCall("POST", "/v1/license/register", { body: { install_code: essentials.install_code, appliance_id: "log-box" }, token: null })).body);
    const { tenant } = await createPaidTenant({ email: "p@logs.example" });
    const paid = keep((await restCall("POST", "/internal/license/install-codes/reissue", { body: { tenant_id: tenant.id } })).body);
    const redeemed = keep((await restCall("POST", "/v1/license/register", { body: { install_code: paid.install_code, appliance_id: "log-box" }, token: null })).body);
    keep((await restCall("POST", "/v1/license/check-in", { token: redeemed.appliance_credential })).body);
    await restCall("POST", "/v1/license/register", { body: { install_code: paid.install_code, appliance_id: "other" }, token: null });
    // A careless caller: the values in fields, nested fields and the message itself.
    logger.info({ answer: redeemed, nested: { note: `typed ${paid.install_code}` } }, `redeem answered ${redeemed.first_jwt}`);
    logger.warn(`check-in with Bearer ${redeemed.appliance_credential} and code ${essentials.install_code}`);

    expect(secrets).toHaveLength(5);
    const output = lines.join("");
    expect(output).toContain("licensing: install code redeemed");
    expect(output).toContain("licensing: appliance checked in");
    for (const secret of secrets) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.replace(/-/g, ""));
    }
    expect(output).toContain("[redacted]");
  });
});
