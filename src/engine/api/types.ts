/**
 * API objects shaped like Kubernetes' own (core/v1, apps/v1, discovery.k8s.io/v1,
 * coordination.k8s.io/v1), with the fields this simulation uses. Objects stored in etcd are
 * never mutated: every change makes a new object.
 */

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  generateName?: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
}

/** What a client sends: metadata without the fields the API server fills in. */
export type NewMeta = Partial<ObjectMeta> & ({ name: string } | { generateName: string });

export interface Condition<T extends string = string> {
  type: T;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastProbeTime?: string | null;
  /** A pod condition: the pod's metadata.generation it was set from (PodObservedGenerationTracking). */
  observedGeneration?: number;
}

/** A Deployment's condition also says when it was last updated (progress is measured from it). */
export interface DeploymentCondition extends Condition<'Available' | 'Progressing' | 'ReplicaFailure'> {
  lastUpdateTime?: string;
}

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: Taint['effect'];
  tolerationSeconds?: number;
}

export interface ResourceList {
  cpu?: string;
  memory?: string;
  pods?: string;
  'ephemeral-storage'?: string;
  [name: string]: string | undefined;
}

export interface ContainerPort {
  containerPort: number;
  hostPort?: number;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  name?: string;
}

export interface Container {
  name: string;
  image: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  command?: string[];
  /** Arguments to the command (or to the image's own, without `command`). */
  args?: string[];
  ports?: ContainerPort[];
  resources?: { requests?: ResourceList; limits?: ResourceList };
  terminationMessagePath?: string;
  terminationMessagePolicy?: 'File' | 'FallbackToLogsOnError';
  volumeMounts?: VolumeMount[];
  env?: EnvVar[];
  securityContext?: Record<string, unknown>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

/** A container probe: one handler, and its timing (defaulted by the API server: 1 s timeout, every 10 s, 1 success, 3 failures). */
export interface Probe {
  httpGet?: { path?: string; port: number | string; host?: string; scheme?: 'HTTP' | 'HTTPS' };
  tcpSocket?: { port: number | string; host?: string };
  exec?: { command?: string[] };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
  /** Overrides the pod's grace period when a failed liveness or startup probe kills the container. */
  terminationGracePeriodSeconds?: number;
}

/** An environment variable: a value, or one read from the pod's own fields (the downward API). */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: { apiVersion?: string; fieldPath: string } };
}

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** One source of a projected volume (the service-account token volume uses these three). */
export interface VolumeProjection {
  serviceAccountToken?: { expirationSeconds?: number; path: string; audience?: string };
  configMap?: { name: string; items?: { key: string; path: string }[]; optional?: boolean };
  downwardAPI?: { items: { path: string; fieldRef?: { apiVersion?: string; fieldPath: string } }[] };
}

/** The volume sources `kubectl describe` knows how to print; others pass through unread. */
export interface Volume {
  name: string;
  projected?: { defaultMode?: number; sources: VolumeProjection[] };
  configMap?: {
    name: string;
    defaultMode?: number;
    optional?: boolean;
    items?: { key: string; path: string }[];
  };
  secret?: { secretName: string; defaultMode?: number; optional?: boolean };
  emptyDir?: { medium?: string; sizeLimit?: string };
  hostPath?: { path: string; type?: string };
}

export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  /** Only `metadata.name` is supported, as upstream (DaemonSet pods pin their node this way). */
  matchFields?: NodeSelectorRequirement[];
}

export interface NodeAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms: NodeSelectorTerm[] };
  preferredDuringSchedulingIgnoredDuringExecution?: { weight: number; preference: NodeSelectorTerm }[];
}

export interface PodSpec {
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  affinity?: { nodeAffinity?: NodeAffinity; podAffinity?: PodAffinity; podAntiAffinity?: PodAffinity };
  tolerations?: Toleration[];
  containers: Container[];
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  terminationGracePeriodSeconds?: number;
  schedulerName?: string;
  priority?: number;
  /** Set with the priority by the Priority admission plugin. */
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  serviceAccountName?: string;
  /** The deprecated twin of serviceAccountName, still filled in by kube-apiserver. */
  serviceAccount?: string;
  /** false: no service-account token volume is mounted. */
  automountServiceAccountToken?: boolean;
  volumes?: Volume[];
  hostNetwork?: boolean;
  priorityClassName?: string;
  dnsPolicy?: 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';
  enableServiceLinks?: boolean;
  securityContext?: Record<string, unknown>;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
export type PodConditionType =
  | 'PodReadyToStartContainers'
  | 'Initialized'
  | 'Ready'
  | 'ContainersReady'
  | 'PodScheduled'
  // Set on a pod about to be killed for a disruption (kubelet's preemption, eviction).
  | 'DisruptionTarget';

export interface ContainerState {
  waiting?: { reason: string; message?: string };
  running?: { startedAt: string };
  terminated?: {
    exitCode: number;
    reason: string;
    startedAt?: string;
    finishedAt?: string;
    containerID?: string;
  };
}

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState?: ContainerState;
  /** What the container was given (InPlacePodVerticalScaling): its requests, and requests and limits. */
  allocatedResources?: ResourceList;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  /** Its mounts as the runtime made them (once it exists). */
  volumeMounts?: (VolumeMount & { recursiveReadOnly?: 'Disabled' })[];
}

export interface PodStatus {
  phase: PodPhase;
  /** The metadata.generation kubelet last reported the pod at. */
  observedGeneration?: number;
  conditions?: Condition<PodConditionType>[];
  hostIP?: string;
  /** The same address again, as a list (dual-stack fields; kubelet fills both). */
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  qosClass?: 'Guaranteed' | 'Burstable' | 'BestEffort';
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
}

export interface Pod {
  apiVersion: 'v1';
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: PodSpec;
  status: PodStatus;
}

export type NodeConditionType = 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure';

export interface Node {
  apiVersion: 'v1';
  kind: 'Node';
  metadata: ObjectMeta;
  spec: { unschedulable?: boolean; taints?: Taint[]; podCIDR?: string; podCIDRs?: string[] };
  status: {
    capacity: ResourceList;
    allocatable: ResourceList;
    conditions: Condition<NodeConditionType>[];
    addresses: { type: 'InternalIP' | 'Hostname'; address: string }[];
    /** Where kubelet's own API listens (logs and exec go there). */
    daemonEndpoints?: { kubeletEndpoint: { Port: number } };
    nodeInfo: {
      machineID?: string;
      systemUUID?: string;
      bootID?: string;
      kubeletVersion: string;
      kubeProxyVersion: string;
      containerRuntimeVersion: string;
      osImage: string;
      kernelVersion: string;
      operatingSystem: string;
      architecture: string;
    };
    images?: { names: string[]; sizeBytes: number }[];
  };
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Pods (those the selector picks, in these namespaces: the pod's own by default) within one topology domain. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelector;
  namespaces?: string[];
  topologyKey: string;
}

export interface WeightedPodAffinityTerm {
  weight: number;
  podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinity {
  requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[];
  preferredDuringSchedulingIgnoredDuringExecution?: WeightedPodAffinityTerm[];
}

export interface PodTemplate {
  metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: PodSpec;
}

export interface ReplicaSet {
  apiVersion: 'apps/v1';
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas: number; selector: LabelSelector; template: PodTemplate; minReadySeconds?: number };
  status: {
    replicas: number;
    fullyLabeledReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

export interface Deployment {
  apiVersion: 'apps/v1';
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    selector: LabelSelector;
    template: PodTemplate;
    strategy?: {
      type: 'RollingUpdate' | 'Recreate';
      rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
    };
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    minReadySeconds?: number;
    /** `kubectl rollout pause`: template changes wait; scaling still happens. */
    paused?: boolean;
  };
  status: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
    conditions?: DeploymentCondition[];
  };
}

export interface DaemonSet {
  apiVersion: 'apps/v1';
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: {
    selector: LabelSelector;
    template: PodTemplate;
    /** Defaulted to RollingUpdate with maxUnavailable 1 and maxSurge 0. */
    updateStrategy?: {
      type: 'RollingUpdate' | 'OnDelete';
      rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
    };
    revisionHistoryLimit?: number;
    minReadySeconds?: number;
  };
  status: {
    currentNumberScheduled: number;
    numberMisscheduled: number;
    desiredNumberScheduled: number;
    numberReady: number;
    observedGeneration?: number;
    updatedNumberScheduled?: number;
    numberAvailable?: number;
    numberUnavailable?: number;
  };
}

export interface ServicePort {
  name?: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  port: number;
  targetPort?: number;
  nodePort?: number;
}

export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: {
    type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    selector?: Record<string, string>;
    ports: ServicePort[];
    clusterIP?: string;
    /** Filled in by kube-apiserver: the allocated address again, as a list (dual-stack's shape). */
    clusterIPs?: string[];
    ipFamilies?: 'IPv4'[];
    ipFamilyPolicy?: 'SingleStack';
    sessionAffinity?: 'None' | 'ClientIP';
    internalTrafficPolicy?: 'Cluster' | 'Local';
  };
  status: { loadBalancer?: Record<string, never> };
}

export interface Endpoint {
  addresses: string[];
  /** serving and terminating are left out by kube-apiserver's own slice for `kubernetes`. */
  conditions: { ready: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  targetRef?: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointSlice {
  apiVersion: 'discovery.k8s.io/v1';
  kind: 'EndpointSlice';
  metadata: ObjectMeta;
  addressType: 'IPv4';
  endpoints: Endpoint[];
  ports: { name?: string; port: number; protocol: 'TCP' | 'UDP' | 'SCTP' }[];
}

export interface Lease {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: ObjectMeta;
  spec: { holderIdentity: string; leaseDurationSeconds: number; renewTime: string; acquireTime?: string };
}

export interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
  /** Absent in a reference made by hand (kube-proxy's and the kubelet's to their Node). */
  apiVersion?: string;
  /** The object's resourceVersion when the reference was made (client-go's GetReference sets it). */
  resourceVersion?: string;
  fieldPath?: string;
}

/**
 * An Event as the core/v1 API shows it. Two kinds of writer make them: the core/v1 recorder
 * (kubelet, the controllers) sets firstTimestamp, lastTimestamp and count, and leaves eventTime
 * null; the events.k8s.io/v1 recorder (kube-scheduler, kube-proxy) sets eventTime, action and
 * reportingInstance, leaves the timestamps null and count unset, and counts repeats in `series`.
 */
export interface KubeEvent {
  apiVersion: 'v1';
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: ObjectReference;
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  /** `{}` for an events.k8s.io Event. */
  source: { component?: string; host?: string };
  reportingComponent: string;
  reportingInstance: string;
  action?: string;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  count?: number;
  /** A MicroTime (`2026-01-15T09:00:01.742811Z`), or null for a core/v1 Event. */
  eventTime: string | null;
  series?: { count: number; lastObservedTime: string };
}

export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec: Record<string, never>;
  status: { phase: 'Active' | 'Terminating' };
}

/**
 * A DaemonSet's revision (what its controller keeps so that `rollout history` and `rollout undo`
 * can read and go back to an earlier template): the template, as a patch, and its number.
 */
export interface ControllerRevision {
  apiVersion: 'apps/v1';
  kind: 'ControllerRevision';
  metadata: ObjectMeta;
  data: { spec: { template: PodTemplate & { $patch: 'replace' } } };
  revision: number;
}

export type KubeObject =
  | Pod
  | Node
  | ReplicaSet
  | Deployment
  | DaemonSet
  | ControllerRevision
  | Service
  | EndpointSlice
  | Lease
  | KubeEvent
  | Namespace;
export type Kind = KubeObject['kind'];
export type ObjectOfKind<K extends Kind> = Extract<KubeObject, { kind: K }>;
