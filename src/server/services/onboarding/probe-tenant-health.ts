import { readFile } from "node:fs/promises";
import { request } from "node:https";

export type TProbeResult = { ok: boolean; url: string; statusCode: number | null; error: string | null };

/**
 * GET https://<hostname><path>, as a person would open it. `connectTo`
 * (host:port) sends the connection elsewhere while TLS still checks the
 * tenant's name, like curl's --connect-to; `caFile` adds a trusted CA (an
 * ingress with a private certificate authority).
 */
export async function probeTenantHealth(opts: {
  hostname: string;
  path: string;
  connectTo?: string;
  caFile?: string;
  timeoutMs?: number;
}): Promise<TProbeResult> {
  const url = `https://${opts.hostname}${opts.path}`;
  const [connectHost, connectPort] = opts.connectTo ? opts.connectTo.split(":") : [opts.hostname, "443"];
  const ca = opts.caFile ? await readFile(opts.caFile, "utf8") : undefined;
  return new Promise((resolve) => {
    const req = request(
      {
        host: connectHost,
        port: Number(connectPort),
        path: opts.path,
        method: "GET",
        servername: opts.hostname,
        headers: { host: opts.hostname, "user-agent": "embark-verify" },
        ...(ca ? { ca } : {}),
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        res.resume();
        const code = res.statusCode ?? 0;
        const ok = code >= 200 && code < 300;
        resolve({ ok, url, statusCode: code, error: ok ? null : `${url} answered ${code}` });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${opts.timeoutMs ?? 10_000} ms`)));
    req.on("error", (err) => resolve({ ok: false, url, statusCode: null, error: `${url}: ${err.message}` }));
    req.end();
  });
}
