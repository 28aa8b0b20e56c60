import { handleRestRequest } from "../../src/server/rest/handle-rest-request";
import { registerSecretsIn, registerSecretsInHeaders } from "./log-capture";
import { TEST_INTERNAL_API_KEY } from "./test-env";

/** A JSON answer as tests read it: assertions walk arbitrary shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test assertions read arbitrary JSON
export type TJsonBody = Record<string, any>;

/**
 * Calls the REST surface with a JSON body and the internal key by default:
 * in-process through the route handler, or over HTTP when `baseUrl` is given.
 */
export async function restCall(
  method: string,
  path: string,
  opts: { body?: unknown; token?: string | null; headers?: Record<string, string>; baseUrl?: string } = {},
): Promise<{ status: number; body: TJsonBody }> {
  const token = opts.token === undefined ? TEST_INTERNAL_API_KEY : opts.token;
  const init: RequestInit = {
    method,
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...opts.headers,
    },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  };
  registerSecretsInHeaders(new Headers(init.headers));
  registerSecretsIn(opts.body);
  const res = opts.baseUrl
    ? await fetch(`${opts.baseUrl}${path}`, init)
    : await handleRestRequest(new Request(`http://embark.test${path}`, init));
  const body = (await res.json()) as TJsonBody;
  registerSecretsIn(body);
  return { status: res.status, body };
}
