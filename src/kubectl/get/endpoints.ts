/**
 * core/v1 Endpoints, as kube-controller-manager's endpoints controller (for Services with a
 * selector) and kube-apiserver's endpoint reconciler (for `kubernetes`) keep them. The simulated
 * cluster stores only EndpointSlices, which hold the same facts, so kubectl builds each Service's
 * Endpoints from its slices: ready addresses, not-ready ones (terminating pods are left out), the
 * ports, and the labels and annotation those writers set.
 */
import type { EndpointSlice, ObjectMeta, Service } from '../../engine/api/types';
import { HEADLESS_LABEL, SERVICE_NAME_LABEL } from '../../engine/controllers/endpointSliceController';
import { LAST_CHANGE_TRIGGER_TIME } from '../../engine/controllers/triggerTimeTracker';
import { stableHex } from '../../engine/core/stableHex';
import type { ClusterReader } from '../types';

export interface EndpointAddress {
  ip: string;
  nodeName?: string;
  targetRef?: { kind: 'Pod'; name: string; namespace: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints {
  apiVersion: 'v1';
  kind: 'Endpoints';
  metadata: ObjectMeta;
  subsets?: EndpointSubset[];
}

const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

/** The Endpoints of every Service in `namespace` (all when undefined) that has them, by Service. */
export function endpointsObjects(reader: ClusterReader, namespace?: string): Endpoints[] {
  const slices = reader.list('EndpointSlice', namespace);
  const out: Endpoints[] = [];
  for (const svc of reader.list('Service', namespace)) {
    const own = slices.filter(
      (e) =>
        e.metadata.namespace === svc.metadata.namespace &&
        e.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name,
    );
    // A Service without a selector has Endpoints only where someone writes them (`kubernetes`).
    if (svc.spec.selector || own.length) out.push(endpointsOf(svc, own));
  }
  return out;
}

function endpointsOf(svc: Service, slices: readonly EndpointSlice[]): Endpoints {
  const ready: EndpointAddress[] = [];
  const notReady: EndpointAddress[] = [];
  for (const slice of slices)
    for (const e of slice.endpoints) {
      // shouldPodBeInEndpoints: a terminating pod is in neither list.
      if (!e.conditions.ready && e.conditions.terminating) continue;
      for (const ip of e.addresses)
        (e.conditions.ready ? ready : notReady).push({
          ip,
          ...(e.nodeName ? { nodeName: e.nodeName } : {}),
          ...(e.targetRef ? { targetRef: { ...e.targetRef } } : {}),
        });
    }
  const ports: EndpointPort[] = (slices[0]?.ports ?? []).map((p) => ({
    ...(p.name ? { name: p.name } : {}),
    port: p.port,
    protocol: p.protocol,
  }));
  const subset: EndpointSubset = {
    ...(ready.length ? { addresses: ready.sort(byIpAndUid) } : {}),
    ...(notReady.length ? { notReadyAddresses: notReady.sort(byIpAndUid) } : {}),
    ...(ports.length ? { ports } : {}),
  };
  const trigger = slices.find((s) => s.metadata.annotations?.[LAST_CHANGE_TRIGGER_TIME])?.metadata
    .annotations?.[LAST_CHANGE_TRIGGER_TIME];
  const resourceVersion = Math.max(
    Number(svc.metadata.resourceVersion) || 0,
    ...slices.map((s) => Number(s.metadata.resourceVersion) || 0),
  );
  const metadata: ObjectMeta = {
    name: svc.metadata.name,
    namespace: svc.metadata.namespace ?? 'default',
    uid: uuidFrom(`endpoints/${svc.metadata.uid}`),
    resourceVersion: String(resourceVersion),
    creationTimestamp: svc.metadata.creationTimestamp,
    labels: svc.spec.selector
      ? // The endpoints controller copies the Service's labels and marks a headless Service.
        {
          ...svc.metadata.labels,
          ...(svc.spec.clusterIP === 'None' ? { [HEADLESS_LABEL]: '' } : {}),
        }
      : // kube-apiserver's reconciler: the mirroring controller must leave these alone.
        { [SKIP_MIRROR_LABEL]: 'true' },
    ...(trigger ? { annotations: { [LAST_CHANGE_TRIGGER_TIME]: trigger } } : {}),
  };
  if (!Object.keys(metadata.labels!).length) delete metadata.labels;
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata,
    ...(ready.length || notReady.length ? { subsets: [subset] } : {}),
  };
}

/** LessEndpointAddress: by IP as bytes, then by the target's uid. */
function byIpAndUid(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

function uuidFrom(text: string): string {
  const h = stableHex(text, 4);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The ready `ip:port` pairs, ports outer and addresses inner, as formatEndpoints lists them. */
export function readyEndpoints(e: Endpoints): string[] {
  const out: string[] = [];
  for (const s of e.subsets ?? []) {
    const addresses = s.addresses ?? [];
    if (!s.ports?.length) for (const a of addresses) out.push(a.ip);
    else for (const p of s.ports) for (const a of addresses) out.push(`${a.ip}:${p.port}`);
  }
  return out;
}
