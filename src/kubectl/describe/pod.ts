/** `kubectl describe pod`. */
import { qosClass } from '../../engine/api/pods';
import type { Pod } from '../../engine/api/types';
import { age } from '../format/age';
import type { ClusterReader } from '../types';
import { annotations, controlledBy, events, flush, labels, rfc1123z, tolerations } from './common';
import { container } from './containers';
import { volumeLines } from './volumes';

export function describePod(pod: Pod, reader: ClusterReader): string {
  const l: string[] = [`Name:\t${pod.metadata.name}`, `Namespace:\t${pod.metadata.namespace}`];
  l.push(`Priority:\t${pod.spec.priority ?? 0}`);
  if (pod.spec.priorityClassName) l.push(`Priority Class Name:\t${pod.spec.priorityClassName}`);
  // Mirror pods have none (the ServiceAccount admission plugin leaves them alone): no line then.
  if (pod.spec.serviceAccountName) l.push(`Service Account:\t${pod.spec.serviceAccountName}`);
  l.push(pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${pod.status.hostIP ?? ''}` : 'Node:\t<none>');
  if (pod.status.startTime) l.push(`Start Time:\t${rfc1123z(pod.status.startTime)}`);
  l.push(...labels('Labels', pod.metadata.labels), ...annotations('Annotations', pod.metadata.annotations));
  const terminal = pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed';
  if (pod.metadata.deletionTimestamp && !terminal) {
    l.push(
      `Status:\tTerminating (lasts ${age(reader.now, pod.metadata.deletionTimestamp)})`,
      `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 30}s`,
    );
  } else l.push(`Status:\t${pod.status.phase}`);
  if (pod.status.reason) l.push(`Reason:\t${pod.status.reason}`);
  if (pod.status.message) l.push(`Message:\t${pod.status.message}`);
  l.push(`IP:\t${pod.status.podIP ?? ''}`);
  if (pod.status.podIP) l.push('IPs:', `  IP:\t${pod.status.podIP}`);
  else l.push('IPs:\t<none>');
  const owner = controlledBy(pod);
  if (owner) l.push(`Controlled By:\t${owner}`);
  if (pod.status.nominatedNodeName) l.push(`NominatedNodeName:\t${pod.status.nominatedNodeName}`);
  l.push('Containers:');
  for (const c of pod.spec.containers)
    l.push(
      ...container(
        c,
        pod.status.containerStatuses?.find((s) => s.name === c.name),
        '    ',
        '  ',
        true,
      ),
    );
  if (pod.status.conditions?.length) {
    l.push('Conditions:', '  Type\tStatus');
    const order = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];
    const conditions = [...pod.status.conditions].sort(
      (a, b) => order.indexOf(a.type) - order.indexOf(b.type),
    );
    for (const c of conditions) l.push(`  ${c.type} \t${c.status} `);
  }
  l.push(...volumeLines(pod.spec.volumes));
  l.push(`QoS Class:\t${pod.status.qosClass ?? qosClass(pod)}`);
  l.push(...labels('Node-Selectors', pod.spec.nodeSelector), ...tolerations(pod.spec.tolerations));
  l.push(...events(reader, pod));
  return flush(l);
}
