/**
 * `kubectl get componentstatuses` (cs): kube-apiserver probes kube-scheduler, kube-controller-manager
 * and etcd on the control-plane node at the moment of the request (deprecated since v1.19, still
 * served). A component whose process is stopped (its static pod's manifest is out of
 * /etc/kubernetes/manifests) has nothing listening: the probe's connection is refused. It needs no
 * etcd read, so it answers while etcd is down, and shows etcd-0 Unhealthy.
 */
import type { ControlPlaneComponent } from '../../engine/cluster';
import type { ClusterReader } from '../types';
import type { Item, Listing } from './items';

/** The servers kube-apiserver validates, each with the health endpoint it dials. */
const CHECKS: readonly { name: string; component: ControlPlaneComponent; url: string }[] = [
  { name: 'scheduler', component: 'kube-scheduler', url: 'https://127.0.0.1:10259/healthz' },
  {
    name: 'controller-manager',
    component: 'kube-controller-manager',
    url: 'https://127.0.0.1:10257/healthz',
  },
  { name: 'etcd-0', component: 'etcd', url: 'https://127.0.0.1:2379/health' },
];

export const COMPONENT_STATUS_WARNING = 'Warning: v1 ComponentStatus is deprecated in v1.19+';

export function componentStatuses(reader: ClusterReader): Listing {
  const items = CHECKS.map(({ name, component, url }): Item => {
    // The process, where the reader knows it; else its manifest (kubelet stops the process a moment later).
    const healthy = !(reader.processesDown ?? reader.manifestPlaces)?.has(component);
    const port = url.slice(url.lastIndexOf(':') + 1, url.indexOf('/', 8));
    const error = healthy ? '' : `Get "${url}": dial tcp 127.0.0.1:${port}: connect: connection refused`;
    const condition = healthy
      ? { type: 'Healthy', status: 'True', message: 'ok' }
      : { type: 'Healthy', status: 'False', error };
    return {
      name,
      namespace: undefined,
      labels: undefined,
      object: { apiVersion: 'v1', kind: 'ComponentStatus', metadata: { name }, conditions: [condition] },
      version: healthy ? 'ok' : 'down',
      row: [name, healthy ? 'Healthy' : 'Unhealthy', healthy ? 'ok' : '', error],
      wide: [],
    };
  });
  return { headers: ['NAME', 'STATUS', 'MESSAGE', 'ERROR'], wideHeaders: [], items, nameFirst: true };
}
