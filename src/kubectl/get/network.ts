/** `kubectl get services | endpoints | endpointslices`. Endpoints are built from the Service's EndpointSlices. */
import type { EndpointSlice, Service } from '../../engine/api/types';
import { readyEndpoints, type Endpoints } from './endpoints';
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

/** At most three, then `+ N more...` (formatEndpoints). */
export function firstThree(items: readonly string[], none: string): string {
  if (!items.length) return none;
  const shown = items.slice(0, 3).join(',');
  return items.length > 3 ? `${shown} + ${items.length - 3} more...` : shown;
}

/** Endpoints are not a stored kind, so this is no Printer; the same columns. */
export const endpointsPrinter = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  // formatEndpoints: <none> without subsets; with only not-ready addresses, nothing at all.
  row: (e: Endpoints, r: ClusterReader) => [
    e.metadata.name,
    e.subsets?.length ? firstThree(readyEndpoints(e), '') : '<none>',
    age(r.now, e.metadata.creationTimestamp),
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
