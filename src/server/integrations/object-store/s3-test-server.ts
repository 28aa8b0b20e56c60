import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type TS3TestServer = {
  endpoint: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** Stores an object at `bucket/key`. */
  put(bucket: string, key: string, body: Buffer | string): void;
  close(): Promise<void>;
};

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
const hmac = (key: Buffer | string, s: string) => createHmac("sha256", key).update(s, "utf8").digest();
// RFC 3986 encoding, as SigV4 canonicalises query parameters.
const encode = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { "content-type": "application/xml" });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

/**
 * An S3-compatible GET endpoint on 127.0.0.1 for tests of presigned links:
 * path-style `/<bucket>/<key>`, SigV4 query authentication checked the way S3
 * checks it (credential scope, signed headers, expiry, signature), S3's XML
 * errors (403 AccessDenied, SignatureDoesNotMatch, 404 NoSuchKey).
 */
export async function startS3TestServer(opts: { region?: string } = {}): Promise<TS3TestServer> {
  const region = opts.region ?? "us-east-1";
  const accessKey = "TESTACCESSKEY";
  const secretKey = "test-secret-key-for-sigv4-0123456789";
  const objects = new Map<string, Buffer>();

  function verify(req: IncomingMessage, url: URL): string | null {
    const q = url.searchParams;
    if (q.get("X-Amz-Algorithm") !== "AWS4-HMAC-SHA256") return "missing or unknown X-Amz-Algorithm";
    const [key, date, scopeRegion, service, terminator] = (q.get("X-Amz-Credential") ?? "").split("/");
    if (key !== accessKey || scopeRegion !== region || service !== "s3" || terminator !== "aws4_request") return "bad credential scope";
    const amzDate = q.get("X-Amz-Date") ?? "";
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
    if (!m || amzDate.slice(0, 8) !== date) return "bad X-Amz-Date";
    const signedAt = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    const expires = Number(q.get("X-Amz-Expires"));
    if (!Number.isInteger(expires) || expires < 1 || expires > 604800) return "bad X-Amz-Expires";
    if (Date.now() > signedAt + expires * 1000) return "expired";
    const signedHeaders = (q.get("X-Amz-SignedHeaders") ?? "").split(";");
    const canonicalHeaders = signedHeaders.map((h) => `${h}:${String(req.headers[h] ?? "").trim()}\n`).join("");
    const canonicalQuery = [...q.entries()]
      .filter(([k]) => k !== "X-Amz-Signature")
      .map(([k, v]) => [encode(k), encode(v)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const canonicalRequest = [req.method, url.pathname, canonicalQuery, canonicalHeaders, signedHeaders.join(";"), "UNSIGNED-PAYLOAD"].join("\n");
    const scope = `${date}/${region}/s3/aws4_request`;
    const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretKey}`, date!), region), "s3"), "aws4_request");
    const expected = createHmac("sha256", signingKey).update(stringToSign).digest();
    const given = Buffer.from(q.get("X-Amz-Signature") ?? "", "hex");
    return given.length === expected.length && timingSafeEqual(given, expected) ? null : "signature";
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (req.method !== "GET") return s3Error(res, 405, "MethodNotAllowed", "Only GET is served");
    const problem = verify(req, url);
    if (problem === "expired") return s3Error(res, 403, "AccessDenied", "Request has expired");
    if (problem === "signature") {
      return s3Error(res, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided");
    }
    if (problem) return s3Error(res, 403, "AccessDenied", problem);
    const body = objects.get(decodeURIComponent(url.pathname.slice(1)));
    if (!body) return s3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    accessKey,
    secretKey,
    put: (bucket, key, body) => objects.set(`${bucket}/${key}`, Buffer.from(body)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
