/** `kubectl get events | namespaces | leases`. */
import type { KubeEvent, Lease, Namespace } from '../../engine/api/types';
import { age } from '../format/age';
import type { Printer } from './printer';

export const eventObject = (e: KubeEvent) =>
  `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;

export const eventPrinter: Printer<KubeEvent> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: ['SUBOBJECT', 'SOURCE', 'FIRST SEEN', 'COUNT', 'NAME'],
  row: (e, r) => [age(r.now, e.lastTimestamp), e.type, e.reason, eventObject(e), e.message.trim()],
  wideRow: (e, r) => [
    e.involvedObject.fieldPath ?? '',
    e.source.host ? `${e.source.component}, ${e.source.host}` : e.source.component || e.reportingComponent,
    age(r.now, e.firstTimestamp),
    String(e.count),
    e.metadata.name,
  ],
};

export const namespacePrinter: Printer<Namespace> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  row: (n, r) => [n.metadata.name, n.status.phase, age(r.now, n.metadata.creationTimestamp)],
};

export const leasePrinter: Printer<Lease> = {
  headers: ['NAME', 'HOLDER', 'AGE'],
  row: (l, r) => [l.metadata.name, l.spec.holderIdentity || '', age(r.now, l.metadata.creationTimestamp)],
};
