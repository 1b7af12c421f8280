/** `kubectl get services | endpoints | endpointslices`. Endpoints are built from the Service's EndpointSlices. */
import type { EndpointSlice, Service } from '../../engine/api/types';
import { age } from '../format/age';
import type { ClusterReader } from '../types';
import type { Printer } from './printer';

export function servicePorts(svc: Service): string {
  const ports = svc.spec.ports.map(
    (p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
  );
  return ports.length ? ports.join(',') : '<none>';
}

export const servicePrinter: Printer<Service> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row: (s, r) => [
    s.metadata.name,
    s.spec.type ?? 'ClusterIP',
    s.spec.clusterIP || '<none>',
    s.spec.type === 'LoadBalancer' ? '<pending>' : '<none>',
    servicePorts(s),
    age(r.now, s.metadata.creationTimestamp),
  ],
  wideRow: (s) => [
    Object.entries(s.spec.selector ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',') || '<none>',
  ],
};

/** The Endpoints object kubectl would show for a Service: its slices' ready addresses × ports. */
export interface EndpointsView {
  readonly name: string;
  readonly namespace: string;
  readonly creationTimestamp: string;
  readonly addresses: readonly string[];
}

export function endpointsOf(reader: ClusterReader, namespace?: string): EndpointsView[] {
  const slices = reader.list('EndpointSlice', namespace);
  return reader
    .list('Service', namespace)
    .filter((s) => s.spec.selector || slicesFor(slices, s).length)
    .map((s) => {
      const addresses: string[] = [];
      for (const slice of slicesFor(slices, s))
        for (const e of slice.endpoints)
          if (e.conditions.ready)
            for (const a of e.addresses) for (const p of slice.ports) addresses.push(`${a}:${p.port}`);
      return {
        name: s.metadata.name,
        namespace: s.metadata.namespace ?? 'default',
        creationTimestamp: s.metadata.creationTimestamp,
        addresses,
      };
    });
}

const slicesFor = (slices: EndpointSlice[], s: Service) =>
  slices.filter(
    (e) =>
      e.metadata.namespace === s.metadata.namespace &&
      e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name,
  );

/** At most three, then `+ N more...` (formatEndpoints). */
export function firstThree(items: readonly string[], none: string): string {
  if (!items.length) return none;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

export const endpointsPrinter = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  row: (e: EndpointsView, r: ClusterReader) => [
    e.name,
    firstThree(e.addresses, '<none>'),
    age(r.now, e.creationTimestamp),
  ],
};

export const endpointSlicePrinter: Printer<EndpointSlice> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row: (e, r) => [
    e.metadata.name,
    e.addressType,
    e.ports.length ? e.ports.map((p) => String(p.port)).join(',') : '<unset>',
    firstThree(
      e.endpoints.flatMap((x) => x.addresses),
      '<unset>',
    ),
    age(r.now, e.metadata.creationTimestamp),
  ],
};
