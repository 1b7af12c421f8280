/**
 * kubelet's volume manager, as far as the simulation can tell it: a ConfigMap or Secret volume
 * (or projected source) names an object the pod's namespace must hold. This cluster simulates no
 * ConfigMaps or Secrets, so only those every minikube cluster has exist; a pod mounting any other
 * waits in ContainerCreating with FailedMount, as a real one does until the object is created.
 */
import type { Pod } from '../api/types';

/** ConfigMaps kubeadm and kube-controller-manager create (kube-root-ca.crt in every namespace). */
const SYSTEM_CONFIG_MAPS: Readonly<Record<string, readonly string[]>> = {
  'kube-system': [
    'coredns',
    'extension-apiserver-authentication',
    'kube-apiserver-legacy-service-account-token-tracking',
    'kube-proxy',
    'kubeadm-config',
    'kubelet-config',
  ],
  'kube-public': ['cluster-info'],
};

const configMapExists = (namespace: string, name: string) =>
  name === 'kube-root-ca.crt' || (SYSTEM_CONFIG_MAPS[namespace]?.includes(name) ?? false);

/** One volume kubelet cannot set up, with the reason MountVolume.SetUp gives. */
export interface MissingVolume {
  readonly volume: string;
  readonly reason: string;
}

/** The pod's volumes whose ConfigMap or Secret does not exist (optional ones excepted), in spec order. */
export function missingVolumes(pod: Pod): MissingVolume[] {
  const volumes = pod.spec.volumes;
  if (!volumes) return [];
  const namespace = pod.metadata.namespace ?? 'default';
  const missing: MissingVolume[] = [];
  for (const v of volumes) {
    if (v.configMap && v.configMap.optional !== true && !configMapExists(namespace, v.configMap.name))
      missing.push({ volume: v.name, reason: `configmap "${v.configMap.name}" not found` });
    else if (v.secret && v.secret.optional !== true)
      missing.push({ volume: v.name, reason: `secret "${v.secret.secretName}" not found` });
    else if (v.projected) {
      const gone = v.projected.sources.find(
        (s) => s.configMap && s.configMap.optional !== true && !configMapExists(namespace, s.configMap.name),
      );
      if (gone?.configMap)
        missing.push({ volume: v.name, reason: `configmap "${gone.configMap.name}" not found` });
    }
  }
  return missing;
}

/** The volume manager's retry delays: 500 ms doubling to 2m2s (exponentialbackoff's defaults). */
export const MOUNT_RETRY_FIRST_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;
/** How long syncPod waits for the volumes before giving up this round (podAttachAndMountTimeout). */
export const MOUNT_WAIT_TIMEOUT_MS = 123_000;
