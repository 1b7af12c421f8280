/** Where each kind lives: its API resource name, whether it is namespaced, and its etcd key. */
import type { Kind } from './types';

export interface ResourceInfo {
  readonly resource: string;
  readonly namespaced: boolean;
  readonly apiVersion: string;
  /** The etcd key prefix, as kube-apiserver's storage uses it. */
  readonly etcdPrefix: string;
}

export const RESOURCES: Record<Kind, ResourceInfo> = {
  Pod: { resource: 'pods', namespaced: true, apiVersion: 'v1', etcdPrefix: '/registry/pods/' },
  Node: { resource: 'nodes', namespaced: false, apiVersion: 'v1', etcdPrefix: '/registry/minions/' },
  ReplicaSet: {
    resource: 'replicasets',
    namespaced: true,
    apiVersion: 'apps/v1',
    etcdPrefix: '/registry/replicasets/',
  },
  Deployment: {
    resource: 'deployments',
    namespaced: true,
    apiVersion: 'apps/v1',
    etcdPrefix: '/registry/deployments/',
  },
  DaemonSet: {
    resource: 'daemonsets',
    namespaced: true,
    apiVersion: 'apps/v1',
    etcdPrefix: '/registry/daemonsets/',
  },
  Service: {
    resource: 'services',
    namespaced: true,
    apiVersion: 'v1',
    etcdPrefix: '/registry/services/specs/',
  },
  EndpointSlice: {
    resource: 'endpointslices',
    namespaced: true,
    apiVersion: 'discovery.k8s.io/v1',
    etcdPrefix: '/registry/endpointslices/',
  },
  Lease: {
    resource: 'leases',
    namespaced: true,
    apiVersion: 'coordination.k8s.io/v1',
    etcdPrefix: '/registry/leases/',
  },
  Event: { resource: 'events', namespaced: true, apiVersion: 'v1', etcdPrefix: '/registry/events/' },
  Namespace: {
    resource: 'namespaces',
    namespaced: false,
    apiVersion: 'v1',
    etcdPrefix: '/registry/namespaces/',
  },
};

/** The etcd key of an object, e.g. `/registry/pods/default/nginx`, `/registry/minions/minikube`. */
export function etcdKey(kind: Kind, namespace: string | undefined, name: string): string {
  const info = RESOURCES[kind];
  const ns = info.namespaced ? (namespace ?? 'default') : '';
  return memo(etcdKeys, info.etcdPrefix + ns, name, () =>
    info.namespaced ? `${info.etcdPrefix}${ns}/${name}` : `${info.etcdPrefix}${name}`,
  );
}

/** `namespace/name` for namespaced objects, `name` otherwise: the key informers and workqueues use. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? memo(objectKeys, namespace, name, () => `${namespace}/${name}`) : name;
}

// Keys are built for every request and cache lookup; each is made once and reused, so maps hash
// strings they have seen before (V8 keeps a string's hash) instead of a fresh concatenation each time.
const etcdKeys = new Map<string, Map<string, string>>();
const objectKeys = new Map<string, Map<string, string>>();

function memo(
  cache: Map<string, Map<string, string>>,
  outer: string,
  inner: string,
  make: () => string,
): string {
  let m = cache.get(outer);
  if (!m) cache.set(outer, (m = new Map()));
  let key = m.get(inner);
  if (key === undefined) m.set(inner, (key = make()));
  return key;
}
