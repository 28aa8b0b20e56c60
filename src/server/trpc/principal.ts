import type { TSessionUser } from "@/server/auth/session";
import type { TAuditActor } from "@/server/services/audit/types";

/** Who is calling: resolved once per request from the bearer token or the session cookie. */
export type TPrincipal =
  | { kind: "anonymous" }
  | { kind: "user"; user: TSessionUser }
  | { kind: "internal" }
  | { kind: "apiKey"; keyId: string; name: string; scopes: string[] }
  /** A provision workflow run holding its job's callback token: it may complete that job only. */
  | { kind: "jobToken"; jobId: string }
  /** An onboarding's deploy workflow run holding its deploy token: it may report that deploy only. */
  | { kind: "deployToken"; onboardingId: string };

export type TAuthenticatedPrincipal = Exclude<TPrincipal, { kind: "anonymous" }>;

/** Why a presented credential was refused, so 401 answers can say so. */
export type TCredentialProblem = "invalid_token" | "revoked_key";

/** The audit log's view of a principal. */
export function auditActorOf(principal: TPrincipal): TAuditActor {
  switch (principal.kind) {
    case "user":
      return { id: principal.user.id, label: principal.user.email };
    case "apiKey":
      return { id: principal.keyId, label: `api-key:${principal.name}` };
    case "internal":
      return { id: null, label: "internal" };
    case "jobToken":
      return { id: null, label: `job-token:${principal.jobId}` };
    case "deployToken":
      return { id: null, label: `deploy-token:${principal.onboardingId}` };
    case "anonymous":
      return { id: null, label: "anonymous" };
  }
}

/** A principal as callers may see it: no secrets, only what identifies it. */
export function describePrincipal(principal: TPrincipal): {
  kind: TPrincipal["kind"];
  id: string | null;
  name: string | null;
  role: string | null;
  scopes: string[];
} {
  switch (principal.kind) {
    case "user":
      return { kind: "user", id: principal.user.id, name: principal.user.name, role: principal.user.role, scopes: [] };
    case "apiKey":
      return { kind: "apiKey", id: principal.keyId, name: principal.name, role: null, scopes: principal.scopes };
    case "internal":
      return { kind: "internal", id: null, name: "internal", role: null, scopes: ["*"] };
    case "jobToken":
      return { kind: "jobToken", id: principal.jobId, name: "job callback token", role: null, scopes: [] };
    case "deployToken":
      return { kind: "deployToken", id: principal.onboardingId, name: "deploy callback token", role: null, scopes: [] };
    case "anonymous":
      return { kind: "anonymous", id: null, name: null, role: null, scopes: [] };
  }
}

/** Who a request acts as, for keys that must not collide across callers (idempotency). */
export function callerScopeOf(principal: TPrincipal): string {
  switch (principal.kind) {
    case "user":
      return `user:${principal.user.id}`;
    case "apiKey":
      return `apiKey:${principal.keyId}`;
    case "jobToken":
      return `jobToken:${principal.jobId}`;
    case "deployToken":
      return `deployToken:${principal.onboardingId}`;
    case "internal":
    case "anonymous":
      return principal.kind;
  }
}
