/** `kubectl get deployments | replicasets | daemonsets`. */
import type { DaemonSet, Deployment, LabelSelector, PodTemplate, ReplicaSet } from '../../engine/api/types';
import { age } from '../format/age';
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

export const daemonSetPrinter: Printer<DaemonSet> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (ds, r) => [
    ds.metadata.name,
    String(ds.status.desiredNumberScheduled ?? 0),
    String(ds.status.currentNumberScheduled ?? 0),
    String(ds.status.numberReady ?? 0),
    String(ds.status.currentNumberScheduled ?? 0),
    String(ds.status.numberReady ?? 0),
    Object.entries(ds.spec.template.spec.nodeSelector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '<none>',
    age(r.now, ds.metadata.creationTimestamp),
  ],
  wideRow: (ds) => containers(ds.spec.template, ds.spec.selector),
};
