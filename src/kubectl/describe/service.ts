/** `kubectl describe service`. */
import type { Service } from '../../engine/api/types';
import { endpointsOf } from '../get/network';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels } from './common';

export function describeService(s: Service, reader: ClusterReader): string {
  const selector = Object.entries(s.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const ep = endpointsOf(reader, s.metadata.namespace).find((e) => e.name === s.metadata.name);
  const l: string[] = [
    `Name:\t${s.metadata.name}`,
    `Namespace:\t${s.metadata.namespace}`,
    ...labels('Labels', s.metadata.labels),
    ...annotations('Annotations', s.metadata.annotations),
    `Selector:\t${selector || '<none>'}`,
    `Type:\t${s.spec.type ?? 'ClusterIP'}`,
    'IP Family Policy:\tSingleStack',
    'IP Families:\tIPv4',
    `IP:\t${s.spec.clusterIP ?? '<none>'}`,
    `IPs:\t${s.spec.clusterIP ?? '<none>'}`,
  ];
  for (const p of s.spec.ports) {
    const proto = p.protocol ?? 'TCP';
    l.push(`Port:\t${p.name || '<unset>'}\t${p.port}/${proto}`);
    l.push(`TargetPort:\t${p.targetPort ?? p.port}/${proto}`);
    if (p.nodePort) l.push(`NodePort:\t${p.name || '<unset>'}\t${p.nodePort}/${proto}`);
    const target = String(p.targetPort ?? p.port);
    const addrs = (ep?.addresses ?? []).filter((a) => a.endsWith(`:${target}`));
    l.push(`Endpoints:\t${addrs.join(',')}`);
  }
  l.push('Session Affinity:\tNone');
  if (s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer')
    l.push('External Traffic Policy:\tCluster');
  l.push('Internal Traffic Policy:\tCluster', ...events(reader, s));
  return flush(l);
}
