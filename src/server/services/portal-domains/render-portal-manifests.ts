import type { TObjectRef } from "@/server/integrations/kubernetes/cluster-objects";
import { tenantPrefixOf } from "./portal-domain-ids";

export const ACME_CHALLENGE_PATH = "/.well-known/acme-challenge/";
export const GATEWAY_NAMESPACE = "istio-system";

export type TPortalManifestSettings = {
  namespace: string;
  issuer: string;
  challengeHost: string;
  serviceHost: string;
};

export type TPortalManifests = {
  certificate: Record<string, unknown>;
  gateway: Record<string, unknown>;
  virtualservice: Record<string, unknown>;
};

/** Resource names of a tenant (one portal domain per tenant). */
export function portalResourceNames(tenantId: string) {
  const prefix = tenantPrefixOf(tenantId);
  return {
    prefix,
    certificate: `portal-domain-${prefix}`,
    secret: `portal-domain-${prefix}-tls`,
    gateway: `portal-domain-gw-${prefix}`,
    virtualService: `portal-domain-vs-${prefix}`,
  };
}

/**
 * The cert-manager Certificate (and through it the TLS secret), the Istio
 * Gateway and the VirtualService that serve a tenant's portal domain. Port 80
 * has no HTTPS redirect, so the HTTP-01 challenge path reaches the solver.
 */
export function renderPortalManifests(
  d: { id: string; tenantId: string; domain: string },
  s: TPortalManifestSettings,
): TPortalManifests {
  const names = portalResourceNames(d.tenantId);
  const labels = {
    "app.kubernetes.io/managed-by": "embark",
    "embark.io/portal-domain-id": d.id,
    "embark.io/tenant-id": d.tenantId,
  };
  const meta = (name: string, namespace: string) => ({ name, namespace, labels });
  return {
    certificate: {
      apiVersion: "cert-manager.io/v1",
      kind: "Certificate",
      metadata: meta(names.certificate, s.namespace),
      spec: {
        secretName: names.secret,
        dnsNames: [d.domain],
        issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: s.issuer },
        privateKey: { algorithm: "ECDSA", size: 256, rotationPolicy: "Always" },
      },
    },
    gateway: {
      apiVersion: "networking.istio.io/v1",
      kind: "Gateway",
      metadata: meta(names.gateway, GATEWAY_NAMESPACE),
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          { port: { number: 80, name: `http-${names.prefix}`, protocol: "HTTP" }, hosts: [d.domain] },
          {
            port: { number: 443, name: `https-${names.prefix}`, protocol: "HTTPS" },
            hosts: [d.domain],
            tls: { mode: "SIMPLE", credentialName: names.secret },
          },
        ],
      },
    },
    virtualservice: {
      apiVersion: "networking.istio.io/v1",
      kind: "VirtualService",
      metadata: meta(names.virtualService, s.namespace),
      spec: {
        hosts: [d.domain],
        gateways: [`${GATEWAY_NAMESPACE}/${names.gateway}`],
        http: [
          {
            name: "acme-http01",
            match: [{ uri: { prefix: ACME_CHALLENGE_PATH } }],
            route: [{ destination: { host: s.challengeHost, port: { number: 8089 } } }],
          },
          { name: "portal", route: [{ destination: { host: s.serviceHost, port: { number: 80 } } }] },
        ],
      },
    },
  };
}

/** Everything a disable deletes: the three resources and the secret cert-manager made. */
export function portalObjectRefs(tenantId: string, namespace: string): TObjectRef[] {
  const names = portalResourceNames(tenantId);
  return [
    { apiVersion: "networking.istio.io/v1", kind: "VirtualService", metadata: { name: names.virtualService, namespace } },
    { apiVersion: "networking.istio.io/v1", kind: "Gateway", metadata: { name: names.gateway, namespace: GATEWAY_NAMESPACE } },
    { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: names.certificate, namespace } },
    { apiVersion: "v1", kind: "Secret", metadata: { name: names.secret, namespace } },
  ];
}

/** JSON with object keys sorted at every level, so a snapshot only changes when its content does. */
export function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === "object") {
      return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}
