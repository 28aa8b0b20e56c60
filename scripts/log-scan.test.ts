import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { reloadEnv } from "../src/env";
import { createLogger } from "../src/server/create-logger";
import { registerSecret, registerSecretsIn, registerSecretsInHeaders, captureChildOutput } from "../test/support/log-capture";
import { describeFindings, indexSecrets, scanCapture, scanLine } from "./log-scan";

const OTP = "482915";
const PASSWORD = "op-Password-9vX2kLq";
const SESSION = "Zt8kP2qLm4Nw7Rx1Vb5Cy9Hd3Jf6Gs0A";
const JWT = "eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhcHBsaWFuY2UifQ.c2lnbmF0dXJlLXBhcnQtb25l";

let dir: string;
const previous = process.env.EMBARK_LOG_CAPTURE_DIR;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "embark-log-scan-"));
  process.env.EMBARK_LOG_CAPTURE_DIR = dir;
  reloadEnv();
});

afterEach(() => {
  if (previous === undefined) delete process.env.EMBARK_LOG_CAPTURE_DIR;
  else process.env.EMBARK_LOG_CAPTURE_DIR = previous;
  reloadEnv();
});

const log = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join("\n")}\n`);

describe("log scan", () => {
  it("finds each registered secret planted in a log by file, line and kind, and never prints the value", () => {
    registerSecret("otp-code", OTP);
    registerSecret("password", PASSWORD);
    registerSecretsInHeaders(new Headers({ cookie: `embark.session_token=${SESSION}.c2lnbmVk` }));
    log("app-1.jsonl", [
      '{"level":30,"msg":"sign-in code sent"}',
      `{"level":20,"msg":"Your Embark sign-in code is ${OTP}"}`,
      `{"level":50,"err":{"message":"login failed for op with ${PASSWORD}"}}`,
    ]);
    captureChildOutput("worker", `cookie: embark.session_token=${encodeURIComponent(`${SESSION}.c2lnbmVk`)}`);

    const { findings } = scanCapture(dir);
    expect(findings.map((f) => [path.basename(f.file), f.line, f.kind])).toEqual(
      expect.arrayContaining([
        ["app-1.jsonl", 2, "otp-code"],
        ["app-1.jsonl", 3, "password"],
        [expect.stringMatching(/^child-\d+-\d+-worker\.log$/), 1, "session-token"],
      ]),
    );
    expect(findings).toHaveLength(3);
    const report = describeFindings(findings, dir).join("\n");
    expect(report).toContain("app-1.jsonl:2 (otp-code)");
    for (const value of [OTP, PASSWORD, SESSION]) expect(report).not.toContain(value);
  });

  it("finds secret-shaped text nobody registered: JWTs, Embark keys, callback tokens, bearer tokens", () => {
    const none = indexSecrets([]);
    expect(scanLine(`licence ${JWT} issued`, none)).toEqual(["jwt"]);
    expect(scanLine("key emb_live_AbCdEfGhIjKlMnOpQrStUv used", none)).toEqual(["api-key"]);
    expect(scanLine('"url":"/internal/jobs/x?t=pjt_AbCdEfGhIjKlMnOpQrStUv12"', none)).toEqual(["callback-token"]);
    expect(scanLine("authorization: Bearer x9Tq2Lm4Np6Rs8Vw0Yz", none)).toEqual(["bearer-token"]);
  });

  it("passes what the logger leaves after redaction and ordinary numbers", () => {
    const index = indexSecrets([{ kind: "otp-code", value: OTP }]);
    for (const line of [
      '{"msg":"key emb_[redacted] used","authorization":"Bearer [redacted]","licence":"[redacted-jwt]"}',
      `{"msg":"dispatch took","durationMs":${OTP},"attempt":2}`,
      '{"msg":"requests need a Bearer token in the authorization header"}',
      `{"id":"0${OTP}7","trace":"a${OTP}"}`,
    ]) {
      expect(scanLine(line, index)).toEqual([]);
    }
  });

  it("names the secrets inside request and response bodies by field and by shape", () => {
    registerSecretsIn({ data: { callback_token: "pjt_AbCdEfGhIjKlMnOpQrSt", note: `first ${JWT}`, nested: [{ secret: "whsec-Plain-Value-7Kq" }] } });
    registerSecretsIn({ error: { code: "BAD_REQUEST", message: "no" } });
    // Field names that are also names on Object.prototype (fuzzed bodies send them) are not secret fields.
    registerSecretsIn(JSON.parse('{"__proto__":"fuzz_source","constructor":"fuzz value","toString":"abcdefgh"}'));
    const kinds = readFileSync(path.join(dir, "secrets.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).kind);
    expect(kinds.sort()).toEqual(["callback-token", "webhook-secret"]);
  });
});

describe("the logger with EMBARK_LOG_CAPTURE_DIR", () => {
  it("appends every line at every level to app-<pid>.jsonl even when LOG_LEVEL is silent, redacted as usual", () => {
    const logger = createLogger({ level: "silent" });
    logger.trace({ component: "test" }, "a trace line");
    logger.info({ password: PASSWORD, note: `code ${OTP}` }, "sign-in");
    logger.flush();

    expect(readdirSync(dir)).toContain(`app-${process.pid}.jsonl`);
    const lines = readFileSync(path.join(dir, `app-${process.pid}.jsonl`), "utf8").trim().split("\n");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["a trace line", "sign-in"]);
    expect(JSON.parse(lines[1]!).password).toBe("[redacted]");

    // The redacted password is gone; the OTP inside a free-text field is not, and the scan says so.
    registerSecret("password", PASSWORD);
    registerSecret("otp-code", OTP);
    expect(scanCapture(dir).findings.map((f) => [f.line, f.kind])).toEqual([[2, "otp-code"]]);
  });
});
