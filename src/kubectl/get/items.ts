/** The rows `kubectl get` lists for one resource type, from the reader, in etcd (namespace/name) order. */
import type { Kind, KubeObject } from '../../engine/api/types';
import type { ResourceType } from '../resourceTypes';
import type { ClusterReader } from '../types';
import { componentStatuses } from './componentStatuses';
import { endpointsOf, endpointsPrinter, endpointSlicePrinter, servicePrinter } from './network';
import { eventPrinter, leasePrinter, namespacePrinter } from './misc';
import { nodePrinter } from './nodes';
import { podPrinter } from './pods';
import type { Printer } from './printer';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  replicaSetPrinter,
} from './workloads';

export interface Item {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly labels: Record<string, string> | undefined;
  /** What `-o yaml|json` prints. */
  readonly object: unknown;
  /** Changes when the object does (`-w`). */
  readonly version: string;
  readonly row: string[];
  readonly wide: string[];
}

export interface Listing {
  readonly headers: readonly string[];
  readonly wideHeaders: readonly string[];
  /** With -o wide, the wide columns are the whole row (events: printEvent's own wide order). */
  readonly wideReplaces?: boolean;
  readonly items: Item[];
  /** Whether the first column is the name (events' is LAST SEEN). */
  readonly nameFirst: boolean;
}

const PRINTERS: Partial<Record<Kind, Printer>> = {
  Pod: podPrinter as Printer,
  Node: nodePrinter as Printer,
  Deployment: deploymentPrinter as Printer,
  ReplicaSet: replicaSetPrinter as Printer,
  DaemonSet: daemonSetPrinter as Printer,
  ControllerRevision: controllerRevisionPrinter as Printer,
  Service: servicePrinter as Printer,
  EndpointSlice: endpointSlicePrinter as Printer,
  Event: eventPrinter as Printer,
  Namespace: namespacePrinter as Printer,
  Lease: leasePrinter as Printer,
};

const byKey = (a: Item, b: Item) => {
  const ka = `${a.namespace ?? ''}/${a.name}`;
  const kb = `${b.namespace ?? ''}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Every object of `type` in `namespace` (all namespaces when undefined). */
export function listing(type: ResourceType, reader: ClusterReader, namespace: string | undefined): Listing {
  const ns = type.namespaced ? namespace : undefined;
  if (type.name === 'componentstatuses') return componentStatuses(reader);
  if (!type.engineKind) {
    const items = endpointsOf(reader, ns).map((e): Item => ({
      name: e.name,
      namespace: e.namespace,
      labels: reader.get('Service', e.namespace, e.name)?.metadata.labels,
      object: endpointsObject(e),
      version: e.addresses.join(','),
      row: endpointsPrinter.row(e, reader),
      wide: [],
    }));
    return { headers: endpointsPrinter.headers, wideHeaders: [], items: items.sort(byKey), nameFirst: true };
  }
  const printer = PRINTERS[type.engineKind]!;
  const objects = reader.list(type.engineKind, ns) as KubeObject[];
  const items = objects.map((o): Item => ({
    name: o.metadata.name,
    namespace: o.metadata.namespace,
    labels: o.metadata.labels,
    object: o,
    version: o.metadata.resourceVersion,
    row: printer.row(o, reader),
    wide: printer.wideRow?.(o, reader) ?? [],
  }));
  // In etcd's key order, Events too (the server's event printer does not sort them): grouped by
  // object, each object's in the order they were made.
  items.sort(byKey);
  return {
    headers: printer.headers,
    wideHeaders: printer.wideHeaders ?? [],
    ...(printer.wideReplaces ? { wideReplaces: true } : {}),
    items,
    nameFirst: type.engineKind !== 'Event',
  };
}

function endpointsObject(e: {
  name: string;
  namespace: string;
  creationTimestamp: string;
  addresses: readonly string[];
}) {
  const ips = [...new Set(e.addresses.map((a) => a.slice(0, a.lastIndexOf(':'))))];
  const ports = [...new Set(e.addresses.map((a) => Number(a.slice(a.lastIndexOf(':') + 1))))];
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { creationTimestamp: e.creationTimestamp, name: e.name, namespace: e.namespace },
    ...(ips.length
      ? {
          subsets: [
            { addresses: ips.map((ip) => ({ ip })), ports: ports.map((port) => ({ port, protocol: 'TCP' })) },
          ],
        }
      : {}),
  };
}
