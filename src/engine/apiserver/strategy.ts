/**
 * The registry's strategies (PrepareForCreate, PrepareForUpdate): how the object a write sends
 * becomes the object kube-apiserver stores (names and uids set, status or spec kept, generations
 * counted, a binding's node set).
 */
import { TEMPLATE_GENERATION } from '../api/annotations';
import { applyMergePatch } from '../api/mergePatch';
import type { Kind, KubeObject, Pod, PodStatus } from '../api/types';
import { extendable } from '../core/extendable';
import { defaultOnWrite } from './admission';

/** Whether a Deployment's, ReplicaSet's or Pod's spec changes (a new generation); other kinds keep none. */
const specChanged = (current: KubeObject, spec: unknown) =>
  (current.kind === 'Deployment' || current.kind === 'ReplicaSet' || current.kind === 'Pod') &&
  JSON.stringify(current.spec) !== JSON.stringify(spec);

/**
 * A merge patch's labels, annotations and spec laid over the stored object; a changed spec is a
 * new generation. An Event's patch carries its series instead (the events.k8s.io recorder's
 * createPatchBytesForSeries).
 */
export function patched(current: KubeObject, patch: KubeObject): KubeObject {
  if (current.kind === 'Event' && patch.kind === 'Event' && patch.series)
    return { ...current, series: { ...patch.series } };
  const meta = current.metadata;
  const asked = (patch.metadata ?? {}) as Partial<KubeObject['metadata']>;
  const metadata = { ...meta };
  if (asked.labels !== undefined)
    metadata.labels = applyMergePatch(meta.labels, asked.labels) as Record<string, string>;
  if (asked.annotations !== undefined)
    metadata.annotations = applyMergePatch(meta.annotations, asked.annotations) as Record<string, string>;
  const next = { ...current, metadata } as KubeObject & { spec?: unknown };
  const spec = (patch as { spec?: unknown }).spec;
  if (spec !== undefined && 'spec' in current) {
    next.spec = (
      defaultOnWrite({ ...next, spec: applyMergePatch(current.spec, spec) } as KubeObject) as typeof next
    ).spec;
    if (specChanged(current, next.spec)) metadata.generation = (meta.generation ?? 1) + 1;
  }
  return next;
}

/**
 * A create's object as it is stored: the name (perhaps generated), namespace, uid, creation time
 * and first generation set on what the client sent. Spread, then set: a spread followed by more
 * keys in one literal takes V8's slow path (the keys land in the same order either way).
 */
export function created(
  kind: Kind,
  object: KubeObject,
  name: string,
  namespace: string | undefined,
  uid: string,
  now: string,
): KubeObject {
  const metadata = extendable(object.metadata);
  metadata.name = name;
  if (namespace) metadata.namespace = namespace;
  metadata.uid = uid;
  metadata.creationTimestamp = now;
  metadata.resourceVersion = '';
  // Pods too since 1.33 (KEP-5067, pod generation).
  if (kind === 'Deployment' || kind === 'ReplicaSet' || kind === 'EndpointSlice' || kind === 'Pod')
    metadata.generation = 1;
  const draft = { ...object };
  draft.metadata = metadata;
  return draft;
}

/** A pod bound to `nodeName`, with PodScheduled=True (spread, then set, as in `created`). */
export function bound(current: Pod, nodeName: string, now: string): Pod {
  const spec = extendable(current.spec);
  spec.nodeName = nodeName;
  const status = { ...current.status };
  status.conditions = [
    ...(current.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
    {
      type: 'PodScheduled',
      status: 'True',
      lastTransitionTime: now,
      lastProbeTime: null,
      observedGeneration: current.metadata.generation ?? 1,
    },
  ];
  const pod = { ...current };
  pod.spec = spec;
  pod.status = status;
  return pod;
}

/**
 * The eviction subresource's mark on a pod it is about to delete (podutil.UpdatePodCondition in
 * addConditionAndDeletePod): DisruptionTarget, appended, or replacing one that was not True.
 */
export function evictionMarked(status: PodStatus, now: string): PodStatus {
  const others = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  return {
    ...status,
    conditions: [
      ...others,
      {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'EvictionByEvictionAPI',
        message: 'Eviction API: evicting',
        lastTransitionTime: now,
        lastProbeTime: null,
      },
    ],
  };
}

/**
 * The DaemonSet strategy's PrepareForUpdate: a changed pod template is a new template generation
 * (shown by apps/v1 as the deprecated.daemonset.template.generation annotation).
 */
export function withTemplateGeneration(current: KubeObject, next: KubeObject): KubeObject {
  if (current.kind !== 'DaemonSet' || next.kind !== 'DaemonSet') return next;
  if (JSON.stringify(current.spec.template) === JSON.stringify(next.spec.template)) return next;
  const generation = Number(current.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1') || 1;
  return {
    ...next,
    metadata: {
      ...next.metadata,
      annotations: { ...next.metadata.annotations, [TEMPLATE_GENERATION]: String(generation + 1) },
    },
  };
}

/**
 * update keeps the stored status; updateStatus changes only status (the /status subresource), except
 * that a Deployment's status strategy keeps only its spec and labels, so the deployment controller
 * sets the revision annotation in the same write as the status.
 */
export function mergeUpdate(
  verb: 'update' | 'updateStatus',
  current: KubeObject,
  incoming: KubeObject,
): KubeObject {
  const meta = current.metadata;
  if (verb === 'updateStatus') {
    const next = { ...current } as KubeObject & { status?: unknown };
    next.status = (incoming as { status?: unknown }).status;
    if (current.kind === 'Deployment' && incoming.metadata.annotations !== meta.annotations) {
      next.metadata = { ...meta };
      if (incoming.metadata.annotations) next.metadata.annotations = incoming.metadata.annotations;
      else delete next.metadata.annotations;
    }
    return next;
  }
  const metadata = { ...incoming.metadata };
  metadata.uid = meta.uid;
  metadata.creationTimestamp = meta.creationTimestamp;
  metadata.name = meta.name;
  metadata.namespace = meta.namespace as string;
  // Spread, then set: a spread followed by more keys in one literal takes V8's slow path.
  const merged = { ...incoming } as KubeObject;
  merged.metadata = metadata;
  if ('status' in current) (merged as { status: unknown }).status = current.status;
  if (specChanged(current, (incoming as { spec?: unknown }).spec)) {
    merged.metadata.generation = (current.metadata.generation ?? 1) + 1;
  } else if (current.kind === 'EndpointSlice' && merged.kind === 'EndpointSlice') {
    // The EndpointSlice strategy: new endpoints, ports or address type are a new generation.
    const { endpoints, ports, addressType } = merged;
    if (
      addressType !== current.addressType ||
      JSON.stringify(endpoints) !== JSON.stringify(current.endpoints) ||
      JSON.stringify(ports) !== JSON.stringify(current.ports)
    )
      merged.metadata.generation = (current.metadata.generation ?? 1) + 1;
    else merged.metadata.generation = current.metadata.generation ?? 1;
  }
  if (meta.deletionTimestamp) merged.metadata.deletionTimestamp = meta.deletionTimestamp;
  return merged;
}
