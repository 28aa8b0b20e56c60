import { ApiException, KubernetesObjectApi, PatchStrategy, type KubeConfig, type KubernetesObject } from "@kubernetes/client-node";

/** Field manager named in server-side apply, so `kubectl` shows who owns the fields. */
export const FIELD_MANAGER = "embark";

export type TObjectRef = { apiVersion: string; kind: string; metadata: { name: string; namespace: string } };

const isNotFound = (err: unknown): boolean => err instanceof ApiException && err.code === 404;

/** How long one call to the Kubernetes API may take before the pass gives up on it (and retries later). */
export const KUBE_CALL_TIMEOUT_MS = 10_000;

/**
 * Bounds one API call: a hung API server must not hold the reconcile pass
 * (and the row lock it runs under) until the job expires. The request is
 * abandoned, not aborted; the client offers no signal on these calls.
 */
async function bounded<T>(call: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the Kubernetes API did not answer ${what} within ${KUBE_CALL_TIMEOUT_MS / 1000} s`)),
      KUBE_CALL_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Server-side applies each object (forcing ownership of the fields Embark sets). */
export async function applyObjects(kc: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  for (const object of objects) {
    await bounded(
      api.patch(object, undefined, undefined, FIELD_MANAGER, true, PatchStrategy.ServerSideApply),
      `the apply of ${object.kind} ${object.metadata?.name ?? ""}`,
    );
  }
}

/** Deletes each object; one already gone counts as deleted. Resolves to the refs that existed. */
export async function deleteObjects(kc: KubeConfig, refs: TObjectRef[]): Promise<TObjectRef[]> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  const deleted: TObjectRef[] = [];
  for (const ref of refs) {
    try {
      await bounded(api.delete(ref), `the delete of ${ref.kind} ${ref.metadata.name}`);
      deleted.push(ref);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
  return deleted;
}

/** An object as the cluster has it, or null when it does not exist. */
export async function readObject(kc: KubeConfig, ref: TObjectRef): Promise<(KubernetesObject & { status?: unknown }) | null> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  try {
    return await bounded(api.read(ref), `the read of ${ref.kind} ${ref.metadata.name}`);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** A readable one-line reason from a client error. */
export function describeKubeError(err: unknown): string {
  if (err instanceof ApiException) {
    const body = typeof err.body === "string" ? err.body : JSON.stringify(err.body);
    let message = body;
    try {
      message = (JSON.parse(body) as { message?: string }).message ?? body;
    } catch {
      // not JSON: keep the raw body
    }
    return `Kubernetes answered ${err.code}: ${message}`.slice(0, 500);
  }
  return err instanceof Error ? err.message : String(err);
}
