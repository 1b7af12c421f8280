/**
 * The resource types kubectl knows in this cluster (`kubectl api-resources`): names, short names,
 * the kind, and whether the engine stores it. `endpoints` is served from the EndpointSlices.
 */
import type { Kind } from '../engine/api/types';

export interface ResourceType {
  /** Plural resource name, e.g. `deployments`. */
  readonly name: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly apiVersion: string;
  readonly namespaced: boolean;
  readonly kind: string;
  /** The engine kind holding these objects; `endpoints` has none (it is derived). */
  readonly engineKind: Kind | null;
  /** The `kind.group` kubectl prints before a name: `deployment.apps/web`, `pod/x`. */
  readonly prefix: string;
  readonly verbs: string;
}

const t = (
  name: string,
  singular: string,
  shortNames: string[],
  apiVersion: string,
  namespaced: boolean,
  kind: string,
  engineKind: Kind | null,
  verbs = 'create,delete,deletecollection,get,list,patch,update,watch',
): ResourceType => {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  return {
    name,
    singular,
    shortNames,
    apiVersion,
    namespaced,
    kind,
    engineKind,
    prefix: group ? `${singular}.${group}` : singular,
    verbs,
  };
};

/** In `kubectl api-resources` order (core group first, then by group). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  t('componentstatuses', 'componentstatus', ['cs'], 'v1', false, 'ComponentStatus', null, 'get,list'),
  t('endpoints', 'endpoints', ['ep'], 'v1', true, 'Endpoints', null),
  t('events', 'event', ['ev'], 'v1', true, 'Event', 'Event'),
  t(
    'namespaces',
    'namespace',
    ['ns'],
    'v1',
    false,
    'Namespace',
    'Namespace',
    'create,delete,get,list,patch,update,watch',
  ),
  t('nodes', 'node', ['no'], 'v1', false, 'Node', 'Node'),
  t('pods', 'pod', ['po'], 'v1', true, 'Pod', 'Pod'),
  t(
    'services',
    'service',
    ['svc'],
    'v1',
    true,
    'Service',
    'Service',
    'create,delete,deletecollection,get,list,patch,update,watch',
  ),
  t(
    'controllerrevisions',
    'controllerrevision',
    [],
    'apps/v1',
    true,
    'ControllerRevision',
    'ControllerRevision',
  ),
  t('daemonsets', 'daemonset', ['ds'], 'apps/v1', true, 'DaemonSet', 'DaemonSet'),
  t('deployments', 'deployment', ['deploy'], 'apps/v1', true, 'Deployment', 'Deployment'),
  t('replicasets', 'replicaset', ['rs'], 'apps/v1', true, 'ReplicaSet', 'ReplicaSet'),
  t('leases', 'lease', [], 'coordination.k8s.io/v1', true, 'Lease', 'Lease'),
  t('endpointslices', 'endpointslice', [], 'discovery.k8s.io/v1', true, 'EndpointSlice', 'EndpointSlice'),
];

/** The type a word names: plural, singular, short name, kind, or `name.group` forms; case-insensitive. */
export function resourceType(word: string): ResourceType | undefined {
  const w = word.toLowerCase();
  return RESOURCE_TYPES.find((r) => {
    const group = r.apiVersion.includes('/') ? r.apiVersion.slice(0, r.apiVersion.indexOf('/')) : '';
    return (
      w === r.name ||
      w === r.singular ||
      w === r.kind.toLowerCase() ||
      r.shortNames.includes(w) ||
      (group !== '' && (w === `${r.name}.${group}` || w === `${r.singular}.${group}`))
    );
  });
}

export const typeOfKind = (kind: string): ResourceType | undefined =>
  RESOURCE_TYPES.find((r) => r.kind === kind);

/**
 * Built-in resource types of a real cluster that this one does not simulate, by every name kubectl
 * takes for them (plural, singular, short): they get an honest answer, not "doesn't have".
 */
const NOT_SIMULATED = new Map<string, string>(
  [
    ['configmaps', 'configmap', 'cm'],
    ['secrets', 'secret'],
    ['serviceaccounts', 'serviceaccount', 'sa'],
    ['persistentvolumeclaims', 'persistentvolumeclaim', 'pvc'],
    ['persistentvolumes', 'persistentvolume', 'pv'],
    ['statefulsets', 'statefulset', 'sts'],
    ['jobs', 'job'],
    ['cronjobs', 'cronjob', 'cj'],
    ['ingresses', 'ingress', 'ing'],
    ['replicationcontrollers', 'replicationcontroller', 'rc'],
    ['horizontalpodautoscalers', 'horizontalpodautoscaler', 'hpa'],
    ['poddisruptionbudgets', 'poddisruptionbudget', 'pdb'],
    ['networkpolicies', 'networkpolicy', 'netpol'],
    ['roles', 'role'],
    ['rolebindings', 'rolebinding'],
    ['clusterroles', 'clusterrole'],
    ['clusterrolebindings', 'clusterrolebinding'],
    ['storageclasses', 'storageclass', 'sc'],
    ['resourcequotas', 'resourcequota', 'quota'],
    ['limitranges', 'limitrange', 'limits'],
    ['priorityclasses', 'priorityclass', 'pc'],
    ['customresourcedefinitions', 'customresourcedefinition', 'crd', 'crds'],
  ].flatMap((names) => names.map((n) => [n, names[0]!] as const)),
);

/**
 * `error: the server doesn't have a resource type "foos"`; for a real built-in type this cluster
 * does not simulate, says so and lists what it has.
 */
export function unknownType(word: string): string {
  const plural = NOT_SIMULATED.get(word.toLowerCase());
  if (plural === undefined) return `error: the server doesn't have a resource type "${word}"`;
  const simulated = RESOURCE_TYPES.map((r) => r.name).join(', ');
  return `error: ${plural} are part of a real cluster but not simulated here; this one has ${simulated}`;
}
