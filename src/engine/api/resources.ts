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
  return info.namespaced
    ? `${info.etcdPrefix}${namespace ?? 'default'}/${name}`
    : `${info.etcdPrefix}${name}`;
}

/** `namespace/name` for namespaced objects, `name` otherwise: the key informers and workqueues use. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
