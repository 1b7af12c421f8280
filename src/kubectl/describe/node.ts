/** `kubectl describe node`. */
import { isTerminal, podRequests } from '../../engine/api/pods';
import type { Node, Pod } from '../../engine/api/types';
import { bytes, formatBytes, formatMilliCpu, milliCpu } from '../../engine/core/quantity';
import { age } from '../format/age';
import { nodeRoles } from '../get/nodes';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels, rfc1123z } from './common';

const pct = (part: number, whole: number) => (whole > 0 ? Math.floor((part / whole) * 100) : 0);

function limits(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    cpu += milliCpu(c.resources?.limits?.cpu ?? '0');
    memory += bytes(c.resources?.limits?.memory ?? '0');
  }
  return { cpu, memory };
}

export function describeNode(node: Node, reader: ClusterReader): string {
  const l: string[] = [`Name:\t${node.metadata.name}`, `Roles:\t${nodeRoles(node)}`];
  l.push(...labels('Labels', node.metadata.labels), ...annotations('Annotations', node.metadata.annotations));
  l.push(`CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  const taints = node.spec.taints ?? [];
  if (!taints.length) l.push('Taints:\t<none>');
  else
    taints.forEach((t, i) =>
      l.push(`${i === 0 ? 'Taints:' : ''}\t${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    );
  l.push(`Unschedulable:\t${node.spec.unschedulable ? 'true' : 'false'}`);
  const lease = reader.get('Lease', 'kube-node-lease', node.metadata.name);
  l.push(
    'Lease:',
    `  HolderIdentity:\t${lease?.spec.holderIdentity ?? '<unset>'}`,
    `  AcquireTime:\t${lease?.spec.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}`,
    `  RenewTime:\t${lease ? rfc1123z(lease.spec.renewTime) : '<unset>'}`,
  );
  l.push(
    'Conditions:',
    '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
    '  ----\t------\t-----------------\t------------------\t------\t-------',
  );
  for (const c of node.status.conditions)
    l.push(
      `  ${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`,
    );
  l.push('Addresses:', ...node.status.addresses.map((a) => `  ${a.type}:\t${a.address}`));
  for (const [title, list] of [
    ['Capacity', node.status.capacity],
    ['Allocatable', node.status.allocatable],
  ] as const)
    l.push(
      `${title}:`,
      ...Object.entries(list)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `  ${k}:\t${v}`),
    );
  const info = node.status.nodeInfo;
  l.push(
    'System Info:',
    ...(info.machineID ? [`  Machine ID:\t${info.machineID}`] : []),
    ...(info.systemUUID ? [`  System UUID:\t${info.systemUUID}`] : []),
    ...(info.bootID ? [`  Boot ID:\t${info.bootID}`] : []),
    `  Kernel Version:\t${info.kernelVersion}`,
    `  OS Image:\t${info.osImage}`,
    `  Operating System:\t${info.operatingSystem}`,
    `  Architecture:\t${info.architecture}`,
    `  Container Runtime Version:\t${info.containerRuntimeVersion}`,
    `  Kubelet Version:\t${info.kubeletVersion}`,
    `  Kube-Proxy Version:\t${info.kubeProxyVersion}`,
  );
  if (node.spec.podCIDR)
    l.push(
      `PodCIDR:\t${node.spec.podCIDR}`,
      `PodCIDRs:\t${(node.spec.podCIDRs ?? [node.spec.podCIDR]).join(',')}`,
    );
  const pods = reader
    .list('Pod')
    .filter((p) => p.spec.nodeName === node.metadata.name && !isTerminal(p))
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1,
    );
  const allocCpu = milliCpu(node.status.allocatable.cpu ?? '0');
  const allocMem = bytes(node.status.allocatable.memory ?? '0');
  l.push(
    `Non-terminated Pods:\t(${pods.length} in total)`,
    '  Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t------------\t----------\t---------------\t-------------\t---',
  );
  let cpuReq = 0;
  let memReq = 0;
  let cpuLim = 0;
  let memLim = 0;
  for (const p of pods) {
    const r = podRequests(p);
    const lim = limits(p);
    cpuReq += r.milliCpu;
    memReq += r.memory;
    cpuLim += lim.cpu;
    memLim += lim.memory;
    l.push(
      `  ${p.metadata.namespace}\t${p.metadata.name}\t${formatMilliCpu(r.milliCpu)} (${pct(r.milliCpu, allocCpu)}%)\t${formatMilliCpu(lim.cpu)} (${pct(lim.cpu, allocCpu)}%)\t${formatBytes(r.memory)} (${pct(r.memory, allocMem)}%)\t${formatBytes(lim.memory)} (${pct(lim.memory, allocMem)}%)\t${age(reader.now, p.metadata.creationTimestamp)}`,
    );
  }
  l.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
    `  cpu\t${formatMilliCpu(cpuReq)} (${pct(cpuReq, allocCpu)}%)\t${formatMilliCpu(cpuLim)} (${pct(cpuLim, allocCpu)}%)`,
    `  memory\t${formatBytes(memReq)} (${pct(memReq, allocMem)}%)\t${formatBytes(memLim)} (${pct(memLim, allocMem)}%)`,
    '  ephemeral-storage\t0 (0%)\t0 (0%)',
    '  hugepages-1Gi\t0 (0%)\t0 (0%)',
    '  hugepages-2Mi\t0 (0%)\t0 (0%)',
  );
  l.push(...events(reader, node));
  return flush(l);
}
