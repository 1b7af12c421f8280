/** The rows `kubectl get` lists for one resource type, from the reader, in etcd (namespace/name) order. */
import type { Kind, KubeObject } from '../../engine/api/types';
import type { ResourceType } from '../resourceTypes';
import type { ClusterReader } from '../types';
import { componentStatuses } from './componentStatuses';
import { endpointsObjects } from './endpoints';
import { endpointsPrinter, endpointSlicePrinter, servicePrinter } from './network';
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
    const items = endpointsObjects(reader, ns).map((e): Item => ({
      name: e.metadata.name,
      namespace: e.metadata.namespace,
      labels: e.metadata.labels,
      object: e,
      // What a watch would see change: the object as built (its resourceVersion follows every slice write).
      version: JSON.stringify([e.metadata.labels, e.metadata.annotations, e.subsets]),
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
