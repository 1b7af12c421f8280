/** `kubectl describe replicaset` and `kubectl describe daemonset` (describeReplicaSet, describeDaemonSet). */
import type { DaemonSet, KubeObject, LabelSelector, ReplicaSet } from '../../engine/api/types';
import type { ClusterReader } from '../types';
import { annotations, controlledBy, events, flush, labels } from './common';
import { podTemplateLines } from './podTemplate';

/** metav1.FormatLabelSelector (match labels only, as the API here has): `app=web,pod-template-hash=5df58554f6`, or `<none>`. */
function selectorText(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(',') : '<none>';
}

/** getPodStatusForController: the controller's pods by phase. */
function podsStatus(owner: KubeObject, reader: ClusterReader): string {
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const p of reader.list('Pod', owner.metadata.namespace)) {
    if (!p.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid)) continue;
    const phase = p.status.phase ?? 'Pending';
    if (phase in counts) counts[phase as keyof typeof counts]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeReplicaSet(rs: ReplicaSet, reader: ClusterReader): string {
  const owner = controlledBy(rs);
  return flush([
    `Name:\t${rs.metadata.name}`,
    `Namespace:\t${rs.metadata.namespace}`,
    `Selector:\t${selectorText(rs.spec.selector)}`,
    ...labels('Labels', rs.metadata.labels),
    ...annotations('Annotations', rs.metadata.annotations),
    ...(owner ? [`Controlled By:\t${owner}`] : []),
    `Replicas:\t${rs.status.replicas ?? 0} current / ${rs.spec.replicas} desired`,
    `Pods Status:\t${podsStatus(rs, reader)}`,
    ...podTemplateLines(rs.spec.template),
    ...events(reader, rs),
  ]);
}

export function describeDaemonSet(ds: DaemonSet, reader: ClusterReader): string {
  const s = ds.status;
  const nodeSelector = Object.entries(ds.spec.template.spec.nodeSelector ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return flush([
    `Name:\t${ds.metadata.name}`,
    `Namespace:\t${ds.metadata.namespace}`,
    `Selector:\t${selectorText(ds.spec.selector)}`,
    `Node-Selector:\t${nodeSelector || '<none>'}`,
    ...labels('Labels', ds.metadata.labels),
    ...annotations('Annotations', ds.metadata.annotations),
    // These lines are written with no tab: the tab writer leaves them as they are.
    `Desired Number of Nodes Scheduled: ${s.desiredNumberScheduled}`,
    `Current Number of Nodes Scheduled: ${s.currentNumberScheduled}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${s.updatedNumberScheduled ?? 0}`,
    `Number of Nodes Scheduled with Available Pods: ${s.numberAvailable ?? 0}`,
    `Number of Nodes Misscheduled: ${s.numberMisscheduled}`,
    `Pods Status:\t${podsStatus(ds, reader)}`,
    ...podTemplateLines(ds.spec.template),
    ...events(reader, ds),
  ]);
}
