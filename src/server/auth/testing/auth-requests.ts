import { env } from "@/env";
import { db } from "@/server/db";
import { peerAddressHeader } from "@/server/network/peer-address";
import { getOutboxMessage } from "@/server/services/outbox/get-outbox-message";
import { registerSecretsIn, registerSecretsInHeaders } from "../../../../test/support/log-capture";
import { getAuth } from "../auth";

/**
 * Drives the real better-auth HTTP handler the way a browser would, for
 * integration tests: JSON bodies, same-origin Origin header, cookies carried
 * by hand. Each caller connects from its own address (set where the HTTP
 * server would put the socket's peer) so rate limits do not bleed between
 * tests unless a test means them to.
 */

let ipCounter = 0;
/** A fresh client address (10.x.y.z) for rate limiting purposes. */
export function nextClientIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

export type TAuthCall = {
  method?: "GET" | "POST";
  body?: unknown;
  cookie?: string;
  /** The connection's peer address. */
  ip?: string;
  /** An X-Forwarded-For header, as a client or proxy would send it. */
  forwardedFor?: string;
  /** Extra request headers (e.g. the wizard's trace id). */
  headers?: Record<string, string>;
};

/** Sends one request to `/api/auth<path>` through `auth.handler`. */
export async function callAuth(path: string, call: TAuthCall = {}): Promise<Response> {
  const base = env().EMBARK_PUBLIC_URL;
  const headers = new Headers({ origin: base, [peerAddressHeader()]: call.ip ?? nextClientIp(), ...call.headers });
  if (call.forwardedFor !== undefined) headers.set("x-forwarded-for", call.forwardedFor);
  if (call.body !== undefined) headers.set("content-type", "application/json");
  if (call.cookie) headers.set("cookie", call.cookie);
  const request = new Request(`${base}/api/auth${path}`, {
    method: call.method ?? (call.body === undefined ? "GET" : "POST"),
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  // Passwords and codes sent, session cookies carried and set: the log scan looks for them.
  registerSecretsIn(call.body);
  registerSecretsInHeaders(headers);
  const response = await getAuth().handler(request);
  registerSecretsInHeaders(response.headers);
  return response;
}

/** The `name=value` pairs a response sets, ready for a Cookie header (cleared cookies left out). */
export function cookieHeaderFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .filter((c) => !/max-age=0/i.test(c))
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/** The plain session token inside a signed session cookie (`<token>.<signature>`). */
export function sessionTokenFrom(cookieHeader: string): string | null {
  const match = /(?:^|;\s*)embark\.session_token=([^;]+)/.exec(cookieHeader);
  if (!match) return null;
  return decodeURIComponent(match[1]!).split(".")[0]!;
}

/** Signs in with email + password; returns the response and its cookie header. */
export async function signInWithPassword(email: string, password: string, ip?: string) {
  const response = await callAuth("/sign-in/email", { body: { email, password }, ip });
  return { response, cookie: cookieHeaderFrom(response) };
}

/** Headers carrying a cookie, as a route handler or RSC would see them. */
export function headersWithCookie(cookie: string): Headers {
  return new Headers({ cookie });
}

/** The sign-in code of the latest mail to `to`, read back the way a person would (needs the job runtime to queue mail). */
export async function emailedSignInCode(to: string): Promise<string> {
  const row = await db().outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const message = await getOutboxMessage({ id: row.id, reveal: true });
  return /code is (\d{6})/.exec(message.body)![1]!;
}

/** Signs a wizard user in (signing them up as role `user` the first time) with an emailed code; returns the cookie header. */
export async function signInWithEmailCode(email: string): Promise<string> {
  const asked = await callAuth("/email-otp/send-verification-otp", { body: { email, type: "sign-in" } });
  if (asked.status !== 200) throw new Error(`asking for a sign-in code answered ${asked.status}`);
  const response = await callAuth("/sign-in/email-otp", { body: { email, otp: await emailedSignInCode(email) } });
  if (response.status !== 200) throw new Error(`signing in with the code answered ${response.status}`);
  return cookieHeaderFrom(response);
}
