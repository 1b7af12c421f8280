/** `kubectl describe deployment`. */
import type { Deployment } from '../../engine/api/types';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels, rfc1123z } from './common';
import { podTemplateLines } from './podTemplate';

export function describeDeployment(d: Deployment, reader: ClusterReader): string {
  const s = d.status;
  const selector = Object.entries(d.spec.selector.matchLabels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const rolling = d.spec.strategy?.rollingUpdate;
  const l: string[] = [
    `Name:\t${d.metadata.name}`,
    `Namespace:\t${d.metadata.namespace}`,
    `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}`,
    ...labels('Labels', d.metadata.labels),
    ...annotations('Annotations', d.metadata.annotations),
    `Selector:\t${selector}`,
    `Replicas:\t${d.spec.replicas} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${
      s.availableReplicas ?? 0
    } available | ${s.unavailableReplicas ?? 0} unavailable`,
    `StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}`,
    `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}`,
  ];
  if ((d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate')
    l.push(
      `RollingUpdateStrategy:\t${rolling?.maxUnavailable ?? '25%'} max unavailable, ${rolling?.maxSurge ?? '25%'} max surge`,
    );
  const t = d.spec.template;
  l.push(...podTemplateLines(t));
  if (s.conditions?.length)
    l.push(
      'Conditions:',
      '  Type\tStatus\tReason',
      '  ----\t------\t------',
      ...s.conditions.map((c) => `  ${c.type} \t${c.status}\t${c.reason ?? ''}`),
    );
  const sets = reader
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.uid === d.metadata.uid && o.controller));
  const same = (x: typeof t) =>
    JSON.stringify([x.spec, x.metadata.annotations ?? {}]) ===
    JSON.stringify([t.spec, t.metadata.annotations ?? {}]);
  const newRs = sets
    .filter((rs) => same(rs.spec.template))
    .sort((a, b) => (a.metadata.creationTimestamp < b.metadata.creationTimestamp ? 1 : -1))[0];
  const old = sets.filter((rs) => rs !== newRs && rs.spec.replicas > 0);
  const created = (rs: (typeof sets)[number]) =>
    `${rs.metadata.name} (${rs.status.replicas ?? 0}/${rs.spec.replicas} replicas created)`;
  l.push(`OldReplicaSets:\t${old.length ? old.map(created).join(', ') : '<none>'}`);
  l.push(`NewReplicaSet:\t${newRs ? created(newRs) : '<none>'}`);
  l.push(...events(reader, d));
  return flush(l);
}
