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
  ControllerRevision: {
    resource: 'controllerrevisions',
    namespaced: true,
    apiVersion: 'apps/v1',
    etcdPrefix: '/registry/controllerrevisions/',
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
  return memo3(etcdKeys, kind, ns, name, makeEtcdKey);
}

const makeEtcdKey = (kind: string, ns: string, name: string) => {
  const info = RESOURCES[kind as Kind];
  return info.namespaced ? `${info.etcdPrefix}${ns}/${name}` : `${info.etcdPrefix}${name}`;
};

/** `namespace/name` for namespaced objects, `name` otherwise: the key informers and workqueues use. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? memo3(objectKeys, '', namespace, name, makeObjectKey) : name;
}

const makeObjectKey = (_: string, namespace: string, name: string) => `${namespace}/${name}`;

export type Memo3 = Map<string, Map<string, Map<string, string>>>;

// Keys are built for every request and cache lookup. Each is made once and found again through
// maps keyed by strings that already exist (V8 keeps a string's hash), never by a fresh concatenation.
const etcdKeys: Memo3 = new Map();
const objectKeys: Memo3 = new Map();

/** A key made once per (a, b, c), by `make(a, b, c)`. */
export function memo3(
  cache: Memo3,
  a: string,
  b: string,
  c: string,
  make: (a: string, b: string, c: string) => string,
): string {
  let byB = cache.get(a);
  if (!byB) cache.set(a, (byB = new Map()));
  let byC = byB.get(b);
  if (!byC) byB.set(b, (byC = new Map()));
  let key = byC.get(c);
  if (key === undefined) byC.set(c, (key = make(a, b, c)));
  return key;
}
