/** `kubectl describe endpoints` (describeEndpoints): each subset's ready and not-ready addresses and a ports table. */
import type { Endpoints } from '../get/endpoints';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels } from './common';

export function describeEndpoints(e: Endpoints, reader: ClusterReader): string {
  const l: string[] = [
    `Name:\t${e.metadata.name}`,
    `Namespace:\t${e.metadata.namespace}`,
    ...labels('Labels', e.metadata.labels),
    ...annotations('Annotations', e.metadata.annotations),
    'Subsets:',
  ];
  for (const s of e.subsets ?? []) {
    l.push(
      `  Addresses:\t${(s.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}`,
      `  NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}`,
    );
    if (s.ports?.length)
      l.push(
        '  Ports:',
        '    Name\tPort\tProtocol',
        '    ----\t----\t--------',
        ...s.ports.map((p) => `    ${p.name || '<unset>'}\t${p.port}\t${p.protocol}`),
      );
    l.push('');
  }
  l.push(...events(reader, e));
  return flush(l);
}
