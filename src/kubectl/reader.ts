/** A ClusterReader over a live Cluster: what the headless runner and tests read from. */
import type { Cluster } from '../engine/cluster';
import { CONTROL_PLANE_COMPONENTS } from './nodeShell/manifests';
import { ObjectHistory } from '../engine/history';
import { changeMoments, objectAccess } from './history';
import type { ClusterReader } from './types';

/** Each cluster's history of objects, made at the first look back and kept (it checkpoints as it goes). */
const histories = new WeakMap<Cluster, ObjectHistory>();

export function clusterReader(cluster: Cluster): ClusterReader {
  const base: ClusterReader = {
    now: cluster.now,
    list: (kind, namespace) => cluster.list(kind, namespace),
    get: (kind, namespace, name) => cluster.get(kind, namespace, name),
    runtime: cluster.config.runtime,
    addons: new Map(cluster.addons),
    machines: cluster.nodes.map((n) => n.name),
    manifestPlaces: new Map(cluster.manifestPlaces),
    apiServerDown: cluster.manifestPlaces.has('kube-apiserver') || !cluster.isUp('kube-apiserver'),
    kubeletsDown: new Set(cluster.nodes.filter((n) => !n.kubelet.up).map((n) => n.name)),
    kubeletsSince: new Map(cluster.nodes.map((n) => [n.name, n.kubelet.changedAt])),
    processesDown: new Set(CONTROL_PLANE_COMPONENTS.filter((c) => !cluster.isUp(c))),
  };
  return {
    ...base,
    history: {
      changedAt: (kind, since) => changeMoments(cluster.etcd.changes, kind, since, cluster.now),
      at(t) {
        let history = histories.get(cluster);
        if (!history) histories.set(cluster, (history = new ObjectHistory(cluster.etcd.changes)));
        return { ...base, now: t, ...objectAccess(history.stateAt(t)) };
      },
    },
  };
}
