/**
 * kube-apiserver's identity Lease (APIServerIdentity, on by default): `kube-system/apiserver-<id>`,
 * where the id is the first 16 bytes of sha256 of the host name in lower-case base32, held by
 * `<id>_<a uuid per process start>` and renewed every 10 s for an hour's duration, so that other
 * components can tell which API servers are alive.
 */
import type { Lease } from '../api/types';

/** apiserver-<base32(sha256("minikube")[:16])>: the control plane's host name is minikube. */
export const IDENTITY_LEASE_NAME = 'apiserver-kcdegeihzlqbkh65rirrc5zxju';
export const IDENTITY_RENEW_MS = 10_000;
const IDENTITY_LEASE_DURATION_S = 3600;

/**
 * The Lease as this process (holder `<name>_<uuid>`) first writes or renews it at `renewTime`;
 * `created` is the Lease's own uid and creation time (kept from a Lease another process held).
 */
export function identityLease(
  current: Lease | undefined,
  holder: string,
  renewTime: string,
  created: { uid: string; creationTimestamp: string },
): Lease {
  if (current && current.spec.holderIdentity === holder)
    return { ...current, spec: { ...current.spec, renewTime } };
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: IDENTITY_LEASE_NAME,
      namespace: 'kube-system',
      uid: created.uid,
      resourceVersion: '',
      creationTimestamp: created.creationTimestamp,
      labels: {
        'apiserver.kubernetes.io/identity': 'kube-apiserver',
        'kubernetes.io/hostname': 'minikube',
      },
    },
    spec: { holderIdentity: holder, leaseDurationSeconds: IDENTITY_LEASE_DURATION_S, renewTime },
  };
}
