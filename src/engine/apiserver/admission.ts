/**
 * Defaulting and the admission plugins on by default that change what is stored:
 * DefaultTolerationSeconds (300 s not-ready/unreachable tolerations on every pod),
 * TaintNodesByCondition (a new Node starts tainted not-ready), ServiceAccount (the default
 * account and its token volume), Priority, and Service
 * ClusterIP allocation. NamespaceLifecycle is checked by the API server itself.
 */
import type {
  Container,
  DaemonSet,
  Deployment,
  KubeObject,
  Node,
  Pod,
  PodSpec,
  Probe,
  ReplicaSet,
  Service,
  Toleration,
  Volume,
} from '../api/types';
import { TEMPLATE_GENERATION } from '../api/annotations';
import { qosClass } from '../api/pods';
import { mountServiceAccountToken } from './serviceAccountToken';
import { extendable } from '../core/extendable';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
const DEFAULT_TOLERATION_SECONDS = 300;

/** imagePullPolicy defaults to Always for `:latest` or no tag, IfNotPresent otherwise. */
export function defaultPullPolicy(image: string): NonNullable<Container['imagePullPolicy']> {
  const last = image.slice(image.lastIndexOf('/') + 1);
  const tagged = last.includes(':') || last.includes('@');
  return !tagged || last.endsWith(':latest') ? 'Always' : 'IfNotPresent';
}

function defaultTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] {
  const out = [...(tolerations ?? [])];
  for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
    const has = out.some(
      (t) =>
        (t.key === key || (t.key === undefined && t.operator === 'Exists')) &&
        (!t.effect || t.effect === 'NoExecute'),
    );
    if (!has)
      out.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
  }
  return out;
}

/*
 * Defaults go first and what the client sent over them, key by key, as `{ ...defaults, ...sent }`
 * would: written as a literal of the defaults, then Object.assign, then set. A literal mixing keys
 * and spreads takes V8's slow path; the keys land in the same order either way.
 */

/** SetDefaults_PodSpec: what a pod spec gets wherever it is stored, a workload's template included. */
export function defaultPodSpec(spec: PodSpec): PodSpec {
  const out = Object.assign(
    {
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    },
    spec,
  ) as PodSpec;
  out.containers = spec.containers.map(defaultContainer);
  // defaultHostNetworkPorts: on the host's network a container port is a host port too.
  if (spec.hostNetwork)
    out.containers = out.containers.map((c) =>
      c.ports?.some((p) => !p.hostPort)
        ? { ...c, ports: c.ports.map((p) => (p.hostPort ? p : { ...p, hostPort: p.containerPort })) }
        : c,
    );
  if (spec.volumes) out.volumes = spec.volumes.map(defaultVolume);
  return out;
}

/** SetDefaults_*VolumeSource: files mode 0644 (420) for ConfigMap, Secret and projected volumes; an empty hostPath type. */
function defaultVolume(v: Volume): Volume {
  if (v.configMap && v.configMap.defaultMode === undefined)
    return { ...v, configMap: Object.assign({ defaultMode: 420 }, v.configMap) };
  if (v.secret && v.secret.defaultMode === undefined)
    return { ...v, secret: Object.assign({ defaultMode: 420 }, v.secret) };
  if (v.projected && v.projected.defaultMode === undefined)
    return { ...v, projected: Object.assign({ defaultMode: 420 }, v.projected) };
  if (v.hostPath && v.hostPath.type === undefined) return { ...v, hostPath: { ...v.hostPath, type: '' } };
  return v;
}

/** SetDefaults_Probe and SetDefaults_HTTPGetAction: the timing, and an HTTP GET of / by default. */
function defaultProbe(p: Probe): Probe {
  // Zero is unset: each is defaulted when 0 too.
  const out: Probe = extendable(p);
  out.timeoutSeconds = p.timeoutSeconds || 1;
  out.periodSeconds = p.periodSeconds || 10;
  out.successThreshold = p.successThreshold || 1;
  out.failureThreshold = p.failureThreshold || 3;
  if (p.httpGet)
    out.httpGet = { ...p.httpGet, path: p.httpGet.path || '/', scheme: p.httpGet.scheme ?? 'HTTP' };
  return out;
}

/** SetDefaults_Container and the like: pull policy, termination message, an empty resources. */
function defaultContainer(c: Container): Container {
  const out = Object.assign(
    {
      imagePullPolicy: defaultPullPolicy(c.image),
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
    c,
  ) as Container;
  if (c.ports) out.ports = c.ports.map((p) => Object.assign({ protocol: 'TCP' as const }, p));
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    const probe = c[key];
    if (probe) out[key] = defaultProbe(probe);
  }
  // A fieldRef's apiVersion defaults to v1.
  if (c.env?.some((e) => e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion))
    out.env = c.env.map((e) =>
      e.valueFrom?.fieldRef && !e.valueFrom.fieldRef.apiVersion
        ? { ...e, valueFrom: { ...e.valueFrom, fieldRef: { apiVersion: 'v1', ...e.valueFrom.fieldRef } } }
        : e,
    );
  return out;
}

/** The PriorityClasses every cluster has (minikube adds none); other pods get priority 0. */
const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2_000_001_000,
  'system-cluster-critical': 2_000_000_000,
};

/** A mirror pod (kubelet's copy of a static pod) is left alone by the ServiceAccount plugin. */
const isMirrorPod = (pod: Pod) => pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;

/** A Pod also passes the ServiceAccount and Priority admission plugins (templates do not). */
function admitPod(pod: Pod): Pod {
  let spec = defaultPodSpec(pod.spec);
  if (!isMirrorPod(pod)) {
    spec = mountServiceAccountToken(pod, Object.assign({ serviceAccountName: 'default' }, spec));
    // The deprecated field follows the one that replaced it.
    spec.serviceAccount = spec.serviceAccountName ?? 'default';
  }
  // Priority: the value comes from the pod's PriorityClass, with its preemption policy.
  spec.priority = SYSTEM_PRIORITY_CLASSES[pod.spec.priorityClassName ?? ''] ?? pod.spec.priority ?? 0;
  spec.preemptionPolicy = pod.spec.preemptionPolicy ?? 'PreemptLowerPriority';
  spec.tolerations = defaultTolerations(spec.tolerations);
  const withDefaults = extendable(pod);
  withDefaults.spec = spec;
  const status = Object.assign({ qosClass: qosClass(withDefaults) }, pod.status) as Pod['status'];
  status.phase = pod.status?.phase ?? 'Pending';
  withDefaults.status = status;
  return withDefaults;
}

function admitNode(node: Node): Node {
  const taints = node.spec?.taints ?? [];
  if (taints.some((t) => t.key === NOT_READY_TAINT && t.effect === 'NoSchedule')) return node;
  return {
    ...node,
    spec: {
      ...node.spec,
      // TaintNodesByCondition's taint carries no timeAdded (only node-lifecycle's NoExecute ones do).
      taints: [...taints, { key: NOT_READY_TAINT, effect: 'NoSchedule' }],
    },
  };
}

/** SetDefaults_Deployment: RollingUpdate, and each fencepost it leaves out at 25%. */
function defaultStrategy(
  strategy: Deployment['spec']['strategy'],
): NonNullable<Deployment['spec']['strategy']> {
  const type = strategy?.type ?? 'RollingUpdate';
  if (type !== 'RollingUpdate') return { ...strategy, type };
  const ru = strategy?.rollingUpdate;
  return {
    ...strategy,
    type,
    rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%', ...ru },
  };
}

function defaultRollingUpdate(d: Deployment): Deployment {
  return {
    ...d,
    spec: {
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...d.spec,
      replicas: d.spec.replicas ?? 1,
      strategy: defaultStrategy(d.spec.strategy),
      template: { ...d.spec.template, spec: defaultPodSpec(d.spec.template.spec) },
    },
    status: d.status ?? {},
  };
}

/** SetDefaults_DaemonSet: RollingUpdate one node at a time (maxUnavailable 1, maxSurge 0), 10 old revisions. */
function defaultDaemonSet(ds: DaemonSet): DaemonSet {
  const strategy = ds.spec.updateStrategy;
  const type = strategy?.type ?? 'RollingUpdate';
  return {
    ...ds,
    spec: {
      ...ds.spec,
      updateStrategy:
        type === 'RollingUpdate'
          ? { type, rollingUpdate: { maxUnavailable: 1, maxSurge: 0, ...strategy?.rollingUpdate } }
          : { ...strategy, type },
      revisionHistoryLimit: ds.spec.revisionHistoryLimit ?? 10,
      template: { ...ds.spec.template, spec: defaultPodSpec(ds.spec.template.spec) },
    },
  };
}

function defaultReplicaSet(rs: ReplicaSet): ReplicaSet {
  return {
    ...rs,
    spec: {
      ...rs.spec,
      replicas: rs.spec.replicas ?? 1,
      template: { ...rs.spec.template, spec: defaultPodSpec(rs.spec.template.spec) },
    },
    status: rs.status ?? { replicas: 0 },
  };
}

/**
 * Defaults that every write gets, updates and patches included (the API server defaults whatever
 * it decodes): a workload whose template comes back without them still hashes to the same
 * ReplicaSet, and a Deployment keeps its strategy, history limit and progress deadline.
 */
export function defaultOnWrite(object: KubeObject): KubeObject {
  switch (object.kind) {
    case 'Deployment':
      return defaultRollingUpdate(object);
    case 'ReplicaSet':
      return defaultReplicaSet(object);
    case 'DaemonSet':
      return defaultDaemonSet(object);
    default:
      return object;
  }
}

/** Applies defaults and mutating admission to an object being created. */
export function admitCreate(
  object: KubeObject,
  now: string,
  allocateClusterIP: (svc: Service) => string,
): KubeObject {
  switch (object.kind) {
    case 'Pod':
      return admitPod(object);
    case 'Node':
      return admitNode(object);
    case 'Deployment':
      return defaultRollingUpdate(object);
    case 'ReplicaSet':
      return defaultReplicaSet(object);
    case 'DaemonSet': {
      // apps/v1 carries the template generation (1 at creation) as this annotation.
      const ds = defaultDaemonSet(object);
      return {
        ...ds,
        metadata: {
          ...ds.metadata,
          annotations: { [TEMPLATE_GENERATION]: '1', ...ds.metadata.annotations },
        },
      };
    }
    case 'Service': {
      // SetDefaults_Service, then the IP allocation's single-stack IPv4 fields.
      const spec = {
        type: 'ClusterIP' as const,
        sessionAffinity: 'None' as const,
        internalTrafficPolicy: 'Cluster' as const,
        ...object.spec,
      };
      const ports = spec.ports.map((p) => ({ protocol: 'TCP' as const, targetPort: p.port, ...p }));
      const withPorts = { ...object, spec: { ...spec, ports }, status: { loadBalancer: {} } };
      const clusterIP = spec.clusterIP ?? allocateClusterIP(withPorts);
      return {
        ...withPorts,
        spec: {
          ...withPorts.spec,
          clusterIP,
          clusterIPs: [clusterIP],
          ipFamilies: ['IPv4'],
          ipFamilyPolicy: 'SingleStack',
        },
      };
    }
    default:
      return object;
  }
}
