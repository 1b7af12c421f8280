/**
 * The ServiceAccount admission plugin's token volume: every pod that is not a mirror pod, and does
 * not opt out with automountServiceAccountToken: false, gets a projected volume
 * `kube-api-access-<5 chars>` (a bound token, the cluster's CA bundle, the pod's namespace),
 * mounted read-only into each container at /var/run/secrets/kubernetes.io/serviceaccount.
 */
import type { Container, Pod, PodSpec, Volume } from '../api/types';
import { extendable } from '../core/extendable';

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** An hour and 7 s: kube-apiserver's default bound-token lifetime the volume asks for. */
const TOKEN_EXPIRATION_SECONDS = 3607;

/** apimachinery's rand.String alphabet: no vowels and no easily confused characters. */
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The volume's name. Upstream draws the 5 characters at random; here they come from the pod's uid
 * (itself drawn from the run's seed), so the name is stable for a pod and takes no draw of its own.
 */
export function tokenVolumeName(uid: string): string {
  let h = 0;
  for (const ch of uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  let s = '';
  for (let i = 0; i < 5; i++) {
    s += ALPHABET[h % ALPHABET.length];
    h = Math.floor(h / ALPHABET.length) + i * 7919;
  }
  return `kube-api-access-${s}`;
}

function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
          },
        },
      ],
    },
  };
}

/** A container keeps a mount it already has at the token's path; otherwise it gets the token's. */
function withMount(c: Container, volume: string): Container {
  if (c.volumeMounts?.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH)) return c;
  const out = extendable(c);
  out.volumeMounts = [
    ...(c.volumeMounts ?? []),
    { name: volume, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH },
  ];
  return out;
}

/** The spec with the token volume and its mounts, unless the pod opts out or already has one. */
export function mountServiceAccountToken(pod: Pod, spec: PodSpec): PodSpec {
  if (spec.automountServiceAccountToken === false) return spec;
  if (spec.volumes?.some((v) => v.name.startsWith('kube-api-access-'))) return spec;
  const name = tokenVolumeName(pod.metadata.uid || pod.metadata.name);
  // Admission adds the account, priority and tolerations after this.
  const out = extendable(spec);
  out.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
  out.containers = spec.containers.map((c) => withMount(c, name));
  return out;
}
