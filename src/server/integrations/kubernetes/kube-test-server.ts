import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { listenOnLoopback } from "@/server/integrations/loopback-server";

type TObject = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string }; status?: unknown };

export type TKubeRequest = {
  method: string;
  path: string;
  contentType: string | null;
  fieldManager: string | null;
  force: string | null;
  body: TObject | null;
};

/** Resource kinds the fake API serves, as discovery lists them. */
const RESOURCES: Record<string, { kind: string; name: string; singularName: string }[]> = {
  "cert-manager.io/v1": [{ kind: "Certificate", name: "certificates", singularName: "certificate" }],
  "networking.istio.io/v1": [
    { kind: "Gateway", name: "gateways", singularName: "gateway" },
    { kind: "VirtualService", name: "virtualservices", singularName: "virtualservice" },
  ],
  v1: [{ kind: "Secret", name: "secrets", singularName: "secret" }],
};

const OBJECT_PATH = /^\/(?:api\/v1|apis\/([^/]+)\/([^/]+))\/namespaces\/([^/]+)\/([^/]+)\/([^/]+)$/;

export type TKubeFault = ({ status: number } | { hang: true }) & { method?: string };

export type TKubeTestServer = {
  url: string;
  /** Every PATCH and DELETE, in order. */
  requests: TKubeRequest[];
  /** Stored objects by `<plural>/<namespace>/<name>`. */
  objects: Map<string, TObject>;
  /** Sets the Certificate's Ready condition as cert-manager would (and, when True, its TLS secret). */
  setCertificateCondition(namespace: string, name: string, c: { status: "True" | "False"; reason: string; message: string }): void;
  /**
   * Answers the next object requests (GET, PATCH, DELETE; only those of
   * `method` when given) with `status`, or holds them unanswered with
   * `hang`, one fault per request; discovery is left alone. Clears with no
   * arguments.
   */
  failNext(...faults: TKubeFault[]): void;
  /** `<METHOD> <path>` of each request a fault was applied to. */
  faulted: string[];
  /** Writes a kubeconfig pointing at this server into `dir`; resolves to its path. */
  writeKubeconfig(dir: string): string;
  close(): Promise<void>;
};

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
const statusBody = (code: number, reason: string, message: string) => ({
  kind: "Status",
  apiVersion: "v1",
  status: code < 300 ? "Success" : "Failure",
  reason,
  message,
  code,
});

async function readJson(req: IncomingMessage): Promise<TObject | null> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as TObject) : null;
}

/**
 * A Kubernetes API server on loopback, enough for `@kubernetes/client-node`'s
 * KubernetesObjectApi: discovery, server-side apply (PATCH), read and delete
 * of namespaced objects.
 */
export async function startKubeTestServer(): Promise<TKubeTestServer> {
  const requests: TKubeRequest[] = [];
  const objects = new Map<string, TObject>();
  const faults: TKubeFault[] = [];
  const faulted: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const discovery = url.pathname === "/api/v1" ? "v1" : url.pathname.replace(/^\/apis\//, "");
    if (req.method === "GET" && RESOURCES[discovery]) {
      return send(res, 200, {
        kind: "APIResourceList",
        groupVersion: discovery,
        resources: RESOURCES[discovery]!.map((r) => ({ ...r, namespaced: true, verbs: ["get", "patch", "delete"] })),
      });
    }
    const m = OBJECT_PATH.exec(url.pathname);
    if (!m) return send(res, 404, statusBody(404, "NotFound", `no route ${url.pathname}`));
    const at = faults.findIndex((f) => f.method === undefined || f.method === req.method);
    const fault = at >= 0 ? faults.splice(at, 1)[0] : undefined;
    if (fault) faulted.push(`${req.method} ${url.pathname}`);
    if (fault && "hang" in fault) return;
    if (fault) return send(res, fault.status, statusBody(fault.status, "InternalError", `the API server failed (${fault.status})`));
    const [, , , namespace, plural, name] = m;
    const key = `${plural}/${namespace}/${name}`;
    const body = req.method === "PATCH" ? await readJson(req) : null;
    if (req.method === "PATCH" || req.method === "DELETE") {
      requests.push({
        method: req.method,
        path: url.pathname,
        contentType: req.headers["content-type"] ?? null,
        fieldManager: url.searchParams.get("fieldManager"),
        force: url.searchParams.get("force"),
        body,
      });
    }
    const existing = objects.get(key);
    if (req.method === "GET") return existing ? send(res, 200, existing) : send(res, 404, statusBody(404, "NotFound", `${key} not found`));
    if (req.method === "DELETE") {
      if (!existing) return send(res, 404, statusBody(404, "NotFound", `${key} not found`));
      objects.delete(key);
      return send(res, 200, statusBody(200, "", "deleted"));
    }
    if (req.method === "PATCH") {
      if (req.headers["content-type"] !== "application/apply-patch+yaml" || !url.searchParams.get("fieldManager")) {
        return send(res, 400, statusBody(400, "BadRequest", "only server-side apply with a fieldManager is supported"));
      }
      const stored = { ...body!, ...(existing?.status ? { status: existing.status } : {}) };
      objects.set(key, stored);
      return send(res, existing ? 200 : 201, stored);
    }
    return send(res, 405, statusBody(405, "MethodNotAllowed", `${req.method} not supported`));
  });
  const { url, close } = await listenOnLoopback(server);
  return {
    url,
    requests,
    objects,
    faulted,
    failNext(...next) {
      faults.length = 0;
      faults.push(...next);
    },
    setCertificateCondition(namespace, name, c) {
      const key = `certificates/${namespace}/${name}`;
      const cert = objects.get(key);
      if (!cert) throw new Error(`no certificate ${key}`);
      cert.status = { conditions: [{ type: "Ready", status: c.status, reason: c.reason, message: c.message }] };
      const secretName = (cert as { spec?: { secretName?: string } }).spec?.secretName;
      if (c.status === "True" && secretName) {
        objects.set(`secrets/${namespace}/${secretName}`, {
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: secretName, namespace },
        });
      }
    },
    writeKubeconfig(dir) {
      const file = join(dir, "kubeconfig.json");
      const config = {
        apiVersion: "v1",
        kind: "Config",
        // Plain HTTP on loopback: the client only allows it with TLS verification off.
        clusters: [{ name: "fake", cluster: { server: url, "insecure-skip-tls-verify": true } }],
        users: [{ name: "embark", user: { token: "fake-cluster-token" } }],
        contexts: [{ name: "fake", context: { cluster: "fake", user: "embark" } }],
        "current-context": "fake",
      };
      writeFileSync(file, JSON.stringify(config));
      return file;
    },
    close,
  };
}
