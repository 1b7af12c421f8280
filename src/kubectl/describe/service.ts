/** `kubectl describe service`. */
import type { Service } from '../../engine/api/types';
import type { ServicePort } from '../../engine/api/types';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels } from './common';

export function describeService(s: Service, reader: ClusterReader): string {
  const selector = Object.entries(s.spec.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
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
    l.push(`Endpoints:\t${portEndpoints(reader, s, p.name, p.targetPort ?? p.port).join(',')}`);
  }
  l.push('Session Affinity:\tNone');
  if (s.spec.type === 'NodePort' || s.spec.type === 'LoadBalancer')
    l.push('External Traffic Policy:\tCluster');
  l.push('Internal Traffic Policy:\tCluster', ...events(reader, s));
  return flush(l);
}

/** The ready addresses behind one Service port (matched by name, as the Endpoints subsets are). */
function portEndpoints(
  reader: ClusterReader,
  s: Service,
  name: ServicePort['name'],
  target: number,
): string[] {
  const slices = reader
    .list('EndpointSlice', s.metadata.namespace)
    .filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
  const out: string[] = [];
  for (const slice of slices)
    for (const p of slice.ports.filter((x) => (name ? x.name === name : x.port === target)))
      for (const e of slice.endpoints)
        if (e.conditions.ready) for (const a of e.addresses) out.push(`${a}:${p.port}`);
  return [...new Set(out)];
}
