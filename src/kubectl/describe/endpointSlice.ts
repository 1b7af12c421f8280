/** `kubectl describe endpointslice` (describeEndpointSliceV1): address type, a ports table, and each endpoint. */
import type { EndpointSlice } from '../../engine/api/types';
import type { ClusterReader } from '../types';
import { annotations, events, flush, labels } from './common';

export function describeEndpointSlice(s: EndpointSlice, reader: ClusterReader): string {
  const l: string[] = [
    `Name:\t${s.metadata.name}`,
    `Namespace:\t${s.metadata.namespace}`,
    ...labels('Labels', s.metadata.labels),
    ...annotations('Annotations', s.metadata.annotations),
    `AddressType:\t${s.addressType}`,
  ];
  if (!s.ports.length) l.push('Ports: <unset>');
  else
    l.push(
      'Ports:',
      '  Name\tPort\tProtocol',
      '  ----\t----\t--------',
      ...s.ports.map((p) => `  ${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}`),
    );
  if (!s.endpoints.length) l.push('Endpoints: <none>');
  else {
    l.push('Endpoints:');
    for (const e of s.endpoints) {
      l.push(
        `  - Addresses:\t${e.addresses.join(', ') || '<none>'}`,
        '    Conditions:',
        `      Ready:\t${e.conditions.ready}`,
        '    Hostname:\t<unset>',
      );
      if (e.targetRef) l.push(`    TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}`);
      l.push(`    NodeName:\t${e.nodeName ?? '<unset>'}`, '    Zone:\t<unset>');
    }
  }
  l.push(...events(reader, s));
  return flush(l);
}
