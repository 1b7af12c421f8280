/** `kubectl get events | namespaces | leases`. */
import { eventCount, eventFirstSeen, eventLastSeen, eventSourceText } from '../../engine/api/eventTimes';
import type { KubeEvent, Lease, Namespace } from '../../engine/api/types';
import { age } from '../format/age';
import type { Printer } from './printer';

export const eventObject = (e: KubeEvent) =>
  `${e.involvedObject.kind.toLowerCase()}/${e.involvedObject.name}`;

export const eventPrinter: Printer<KubeEvent> = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  // printEvent: the wide columns sit around MESSAGE, so the wide row is a row of its own.
  wideHeaders: [
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'SUBOBJECT',
    'SOURCE',
    'MESSAGE',
    'FIRST SEEN',
    'COUNT',
    'NAME',
  ],
  wideReplaces: true,
  row: (e, r) => [age(r.now, eventLastSeen(e)), e.type, e.reason, eventObject(e), e.message.trim()],
  wideRow: (e, r) => [
    age(r.now, eventLastSeen(e)),
    e.type,
    e.reason,
    eventObject(e),
    e.involvedObject.fieldPath ?? '',
    eventSourceText(e),
    e.message.trim(),
    age(r.now, eventFirstSeen(e)),
    String(eventCount(e)),
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
