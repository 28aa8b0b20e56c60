import { KubeConfig } from "@kubernetes/client-node";
import { env } from "@/env";

/** The cluster to apply to: KUBECONFIG, or the pod's service account; null when neither is there. */
export function clusterKubeConfig(): KubeConfig | null {
  const { KUBECONFIG, KUBERNETES_SERVICE_HOST } = env();
  if (KUBECONFIG) {
    const kc = new KubeConfig();
    kc.loadFromFile(KUBECONFIG);
    return kc;
  }
  if (KUBERNETES_SERVICE_HOST) {
    const kc = new KubeConfig();
    kc.loadFromCluster();
    return kc;
  }
  return null;
}
