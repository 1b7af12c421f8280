/** `kubectl get deployments | replicasets | daemonsets`. */
import type {
  ControllerRevision,
  DaemonSet,
  Deployment,
  LabelSelector,
  PodTemplate,
  ReplicaSet,
} from '../../engine/api/types';
import { age } from '../format/age';
import type { ClusterReader } from '../types';
import type { Printer } from './printer';

const selectorString = (s: LabelSelector) =>
  Object.entries(s.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || '<none>';

const containers = (t: PodTemplate, s: LabelSelector) => [
  t.spec.containers.map((c) => c.name).join(','),
  t.spec.containers.map((c) => c.image).join(','),
  selectorString(s),
];

export const deploymentPrinter: Printer<Deployment> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, r) => [
    d.metadata.name,
    `${d.status.readyReplicas ?? 0}/${d.spec.replicas}`,
    String(d.status.updatedReplicas ?? 0),
    String(d.status.availableReplicas ?? 0),
    age(r.now, d.metadata.creationTimestamp),
  ],
  wideRow: (d) => containers(d.spec.template, d.spec.selector),
};

export const replicaSetPrinter: Printer<ReplicaSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (rs, r) => [
    rs.metadata.name,
    String(rs.spec.replicas),
    String(rs.status.replicas ?? 0),
    String(rs.status.readyReplicas ?? 0),
    age(r.now, rs.metadata.creationTimestamp),
  ],
  wideRow: (rs) => containers(rs.spec.template, rs.spec.selector),
};

/** A DaemonSet's counts, from its pods (the engine's DaemonSet controller leaves status to them). */
function daemonCounts(ds: DaemonSet, r: ClusterReader) {
  const pods = r
    .list('Pod', ds.metadata.namespace)
    .filter(
      (p) =>
        p.metadata.ownerReferences?.some((o) => o.uid === ds.metadata.uid) && !p.metadata.deletionTimestamp,
    );
  const ready = pods.filter((p) =>
    p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'),
  ).length;
  const current = Math.max(ds.status.currentNumberScheduled ?? 0, pods.length);
  return {
    desired: Math.max(ds.status.desiredNumberScheduled ?? 0, current),
    current,
    ready: Math.max(ds.status.numberReady ?? 0, ready),
  };
}

export const daemonSetPrinter: Printer<DaemonSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (ds, r) => {
    const n = daemonCounts(ds, r);
    return [
      ds.metadata.name,
      String(n.desired),
      String(n.current),
      String(n.ready),
      String(n.current),
      String(n.ready),
      Object.entries(ds.spec.template.spec.nodeSelector ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(',') || '<none>',
      age(r.now, ds.metadata.creationTimestamp),
    ];
  },
  wideRow: (ds) => containers(ds.spec.template, ds.spec.selector),
};

/** `kubectl get controllerrevisions` (printControllerRevision): the controller as `daemonset.apps/NAME`. */
export const controllerRevisionPrinter: Printer<ControllerRevision> = {
  headers: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  row: (cr, r) => {
    const owner = cr.metadata.ownerReferences?.find((o) => o.controller);
    const group = owner?.apiVersion.includes('/')
      ? owner.apiVersion.slice(0, owner.apiVersion.indexOf('/'))
      : '';
    return [
      cr.metadata.name,
      owner ? `${owner.kind.toLowerCase()}${group ? `.${group}` : ''}/${owner.name}` : '<none>',
      String(cr.revision),
      age(r.now, cr.metadata.creationTimestamp),
    ];
  },
};
