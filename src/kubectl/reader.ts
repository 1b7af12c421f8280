/** A ClusterReader over a live Cluster: what the headless runner and tests read from. */
import type { Cluster } from '../engine/cluster';
import { CONTROL_PLANE_COMPONENTS } from './nodeShell/manifests';
import type { ClusterReader } from './types';

export function clusterReader(cluster: Cluster): ClusterReader {
  return {
    now: cluster.now,
    list: (kind, namespace) => cluster.list(kind, namespace),
    get: (kind, namespace, name) => cluster.get(kind, namespace, name),
    runtime: cluster.config.runtime,
    addons: new Map(cluster.addons),
    machines: cluster.nodes.map((n) => n.name),
    manifestPlaces: new Map(cluster.manifestPlaces),
    apiServerDown: cluster.manifestPlaces.has('kube-apiserver') || !cluster.isUp('kube-apiserver'),
    kubeletsDown: new Set(cluster.nodes.filter((n) => !n.kubelet.up).map((n) => n.name)),
    processesDown: new Set(CONTROL_PLANE_COMPONENTS.filter((c) => !cluster.isUp(c))),
  };
}
