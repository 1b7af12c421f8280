/**
 * A whole simulated minikube cluster: etcd, kube-apiserver, kube-scheduler,
 * kube-controller-manager, CoreDNS, and per node a container runtime, kubelet and kube-proxy,
 * wired through the simulation kernel. Time moves only through `run`; what people do (kubectl,
 * minikube, faults) are methods that act at the current virtual time.
 */
import { CoreDns, COREDNS, type DnsAnswer } from './addons/coreDns';
import { Dashboard, DASHBOARD_NAMESPACE, DASHBOARD_OBJECTS } from './addons/dashboard';
import { admitCreate } from './apiserver/admission';
import { APISERVER, ApiServer, ETCD } from './apiserver/apiServer';
import type { ApiResult, StatusError } from './apiserver/request';
import { etcdKey, RESOURCES } from './api/resources';
import type { Kind, KubeObject, ObjectOfKind, Pod, Taint } from './api/types';
import { bootstrapObjects, KINDNET_CONTAINER, staticPods } from './bootstrap';
import {
  DEFAULT_CLUSTER_CONFIG,
  nodeNameAt,
  usesKindnet,
  WORKER_JOIN_AT_MS,
  WORKER_JOIN_EVERY_MS,
  type ClusterConfig,
  type NodeName,
} from './clusterConfig';
import { ControllerManager } from './controllers/controllerManager';
import { KCM } from './controllers/controller';
import { timestamp } from './core/time';
import { Etcd } from './etcd/etcd';
import { Kubelet } from './kubelet/kubelet';
import { nodeIP } from './kubelet/nodeObject';
import { KubeProxy, type Backend } from './proxy/kubeProxy';
import type { AppContext } from './runtime/apps';
import { ContainerRuntime } from './runtime/containerRuntime';
import { Scheduler, SCHEDULER } from './scheduler/scheduler';
import { Sim } from './sim';
import { componentId, podsId, type ComponentId } from './topology';
import { objectRef } from './trace';

export interface ClusterOptions {
  readonly config?: ClusterConfig;
  readonly seed?: number;
  /** When a worker node joins after the start (ms), and the pause between the next ones. */
  readonly workerJoinAt?: number;
  readonly workerJoinEvery?: number;
  /** Per-node capacity. */
  readonly nodeCpu?: string;
  readonly nodeMemory?: string;
  /** Nodes sized apart from the rest (by name), e.g. a bigger worker. */
  readonly nodeSizes?: Readonly<Record<string, { readonly cpu?: string; readonly memory?: string }>>;
  /** Nodes that exist as machines but stay off at boot; `startNode` boots them and they join. */
  readonly offAtBoot?: readonly string[];
  /** kube-controller-manager's `--cluster-cidr`, cut into one /24 per node (default minikube's 10.244.0.0/16: 256 nodes). */
  readonly clusterCidr?: string;
}

/** How an exec began: the process ran on `node`, or why it could not start. */
export type ExecStart =
  | { readonly ok: true; readonly node: string }
  | { readonly ok: false; readonly reason: 'api'; readonly error: StatusError }
  | { readonly ok: false; readonly reason: 'completed'; readonly phase: string }
  | { readonly ok: false; readonly reason: 'noContainer' | 'notRunning'; readonly container: string }
  | { readonly ok: false; readonly reason: 'kubeletDown'; readonly nodeIP: string };

export interface ClusterNodeParts {
  readonly name: NodeName;
  readonly runtime: ContainerRuntime;
  readonly kubelet: Kubelet;
  readonly proxy: KubeProxy;
}

/** Components that can be stopped and started as a whole. */
/** The control plane's components, each a static pod on the control-plane node. */
export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-scheduler' | 'kube-controller-manager';
export type StoppableComponent = ControlPlaneComponent | 'coredns';

const KUBECTL = componentId('kubectl');
/** The container of kube-proxy's DaemonSet pods (kubeadm's manifest). */
const KUBE_PROXY_CONTAINER = 'kube-proxy';
/** How long kindnetd takes from its start to the CNI config on disk. */
const KINDNET_CONFIG_AFTER_MS = 1_000;

/** The container of CoreDNS's pods (its Deployment in kube-system). */
const COREDNS_CONTAINER = 'coredns';

/** The process behind each component an operator can stop. */
const STOPPABLE_IDS: Readonly<Record<StoppableComponent, ComponentId>> = {
  etcd: ETCD,
  'kube-apiserver': APISERVER,
  'kube-scheduler': SCHEDULER,
  'kube-controller-manager': KCM,
  coredns: COREDNS,
};

export class Cluster {
  readonly sim: Sim;
  readonly etcd = new Etcd();
  readonly api: ApiServer;
  readonly scheduler: Scheduler;
  readonly controllerManager: ControllerManager;
  readonly coreDns: CoreDns;
  readonly dashboard: Dashboard;
  /** minikube's addons and whether each is enabled (`minikube addons list`). */
  readonly addons = new Map<string, boolean>([
    ['dashboard', false],
    ['default-storageclass', true],
    ['storage-provisioner', true],
  ]);
  readonly nodes: ClusterNodeParts[] = [];
  readonly config: ClusterConfig;
  /**
   * The CNI minikube chose when the cluster was created (nodes added later keep it: a cluster
   * started as one docker node stays on the bridge plugin).
   */
  private readonly cni: 'kindnet' | 'bridge';
  private readonly options: ClusterOptions;

  constructor(options: ClusterOptions = {}) {
    this.options = options;
    this.config = options.config ?? DEFAULT_CLUSTER_CONFIG;
    this.cni = usesKindnet(this.config) ? 'kindnet' : 'bridge';
    this.sim = new Sim(options.seed ?? 1);
    this.api = new ApiServer(this.sim, this.etcd);
    this.scheduler = new Scheduler(this.sim, this.api);
    this.controllerManager = new ControllerManager(this.sim, this.api, options.clusterCidr);
    this.coreDns = new CoreDns(this.sim, this.api);
    this.dashboard = new Dashboard(this.sim, this.api);
    this.seed();
    // kube-apiserver's process was started from its manifest before the run began.
    this.api.processStarted();
    this.controllerManager.start();
    this.scheduler.start();
    // CoreDNS answers once its pod's container runs (see coreDnsProcess).
    this.sim.setUp(COREDNS, false);
    const joinAt = options.workerJoinAt ?? WORKER_JOIN_AT_MS;
    const every = options.workerJoinEvery ?? WORKER_JOIN_EVERY_MS;
    const off = new Set(options.offAtBoot ?? []);
    let joining = 0;
    for (let i = 0; i < this.config.nodeCount; i++) {
      const parts = this.createNode(i);
      if (i === 0) this.join(parts);
      else if (!off.has(parts.name)) this.sim.at(joinAt + joining++ * every, () => this.join(parts));
    }
  }

  /** Objects that exist before the run starts (kubeadm's and minikube's), written straight into etcd. */
  private seed(): void {
    const now = timestamp(this.sim.now);
    let ip = 11;
    for (const object of bootstrapObjects(this.config)) {
      const draft = {
        ...object,
        metadata: {
          ...object.metadata,
          uid: this.sim.rng.uuid(),
          creationTimestamp: now,
          ...(object.kind === 'Deployment' || object.kind === 'DaemonSet' ? { generation: 1 } : {}),
        },
      } as KubeObject;
      const admitted = admitCreate(draft, now, (svc) =>
        svc.metadata.name === 'kubernetes'
          ? '10.96.0.1'
          : svc.metadata.name === 'kube-dns'
            ? '10.96.0.10'
            : `10.96.0.${ip++}`,
      );
      this.etcd.put(
        etcdKey(object.kind, object.metadata.namespace, object.metadata.name),
        admitted,
        this.sim.now,
        null,
      );
    }
  }

  /** minikube numbers nodes on from the highest it ever made: a removed node's name is not reused. */
  private nextNodeIndex = 0;

  private createNode(index: number): ClusterNodeParts {
    this.nextNodeIndex = Math.max(this.nextNodeIndex, index + 1);
    const name = nodeNameAt(index);
    const runtime = new ContainerRuntime(this.sim, name, this.config.runtime, nodeIP(index), this.cni);
    const shape = {
      name,
      index,
      controlPlane: index === 0,
      runtime: this.config.runtime,
      cpu: this.options.nodeSizes?.[name]?.cpu ?? this.options.nodeCpu ?? '2',
      memory: this.options.nodeSizes?.[name]?.memory ?? this.options.nodeMemory ?? '4015880Ki',
    };
    const statics = index === 0 ? staticPods(name) : [];
    // The control plane's containers were started by kubelet from its manifests before kube-apiserver existed.
    for (const pod of statics)
      runtime.seedRunning(
        pod.metadata.name,
        pod.metadata.name,
        'kube-system',
        pod.spec.containers[0]!.name,
        pod.spec.containers[0]!.image,
      );
    const parts: ClusterNodeParts = {
      name,
      runtime,
      kubelet: new Kubelet(this.sim, this.api, runtime, shape, statics, this.appContext),
      proxy: new KubeProxy(this.sim, this.api, name),
    };
    for (const id of [runtime.id, parts.kubelet.id, parts.proxy.id, podsId(name)]) this.sim.setUp(id, false);
    // Processes that run in containers start and end with them: the Dashboard, and this node's kube-proxy.
    let proxyContainer: string | null = null;
    const staticNames = new Set(statics.map((p) => p.metadata.name));
    runtime.onProcess = (c, running) => {
      this.dashboard.processChanged(c, running);
      // The runtime knows a static pod's containers by the pod's name (it has no API uid).
      if (staticNames.has(c.podUid)) this.controlPlaneProcess(c.name, running);
      this.coreDnsProcess(c.id, c.podNamespace === 'kube-system' && c.name === COREDNS_CONTAINER, running);
      if (running && c.podNamespace === 'kube-system' && c.name === KINDNET_CONTAINER)
        // kindnetd reads its Node's pod range and writes 10-kindnet.conflist; the runtime picks it up.
        this.sim.after(KINDNET_CONFIG_AFTER_MS, () => {
          if (c.state !== 'running' || runtime.cniConfigured) return;
          runtime.cniConfigured = true;
          parts.kubelet.cniConfigWritten();
        });
      if (c.podNamespace !== 'kube-system' || c.name !== KUBE_PROXY_CONTAINER) return;
      if (running) {
        proxyContainer = c.id;
        parts.proxy.start();
      } else if (c.id === proxyContainer) {
        proxyContainer = null;
        parts.proxy.processExited();
      }
    };
    this.nodes.push(parts);
    return parts;
  }

  /** The node boots: its runtime, then kubelet (which registers the Node), then kube-proxy. */
  private join(parts: ClusterNodeParts): void {
    this.sim.setUp(parts.runtime.id, true);
    this.sim.setUp(podsId(parts.name), true);
    // kube-proxy starts when kubelet runs its DaemonSet pod's container (see createNode).
    parts.kubelet.start();
  }

  /** A control-plane component's process starts or ends with its static pod's container. */
  private controlPlaneProcess(container: string, running: boolean): void {
    switch (container) {
      case 'kube-scheduler':
        if (running && !this.scheduler.up) this.scheduler.start();
        else if (!running && this.scheduler.up) this.scheduler.stop();
        return;
      case 'kube-controller-manager':
        if (running && !this.controllerManager.up) this.controllerManager.start();
        else if (!running && this.controllerManager.up) this.controllerManager.stop();
        return;
      case 'etcd':
        return this.sim.setUp(ETCD, running);
      case 'kube-apiserver':
        this.sim.setUp(APISERVER, running);
        if (running) this.api.processStarted();
        else this.api.processEnded();
        return;
    }
  }

  /** The node whose manifests run the control plane. */
  private get controlPlane(): ClusterNodeParts {
    return this.nodes[0]!;
  }

  /**
   * Where each control-plane manifest moved out of /etc/kubernetes/manifests lies now on the
   * control-plane node (`/tmp/kube-scheduler.yaml`), by component: the node shell's `ls` and `mv`.
   */
  readonly manifestPlaces = new Map<ControlPlaneComponent, string>();

  /**
   * Moves a static pod's manifest out of the control-plane node's /etc/kubernetes/manifests or
   * back in: kubelet stops or starts the pod, and with it the component. Returns false if there
   * was nothing to move.
   */
  moveManifest(component: ControlPlaneComponent, into: boolean): boolean {
    const { kubelet, name } = this.controlPlane;
    const pod = `${component}-${name}`;
    if (!into) return kubelet.staticPods.remove(pod);
    const manifest = kubelet.staticPods.manifest(pod);
    return manifest ? kubelet.staticPods.add(manifest) : false;
  }

  /** CoreDNS's containers that run now, on any node: its server answers while one does. */
  private readonly coreDnsContainers = new Set<string>();
  /** CoreDNS stopped by hand (stopComponent): it stays down until started again. */
  private coreDnsStopped = false;
  /**
   * What every kubelet's probes find beyond the container: CoreDNS held down says so in its ready
   * plugin too, so its readiness probe fails and the pod leaves kube-dns's endpoints.
   */
  private readonly appContext: AppContext = { coreDnsServing: () => !this.coreDnsStopped };

  private coreDnsProcess(id: string, isCoreDns: boolean, running: boolean): void {
    if (!isCoreDns) return;
    if (running) this.coreDnsContainers.add(id);
    else this.coreDnsContainers.delete(id);
    this.coreDnsChanged();
  }

  private coreDnsChanged(): void {
    const serving = this.coreDnsContainers.size > 0 && !this.coreDnsStopped;
    if (serving && !this.coreDns.up) this.coreDns.start();
    else if (!serving && this.coreDns.up) this.coreDns.stop();
  }

  node(name: string): ClusterNodeParts {
    const parts = this.nodes.find((n) => n.name === name);
    if (!parts) throw new Error(`no node ${name}`);
    return parts;
  }

  /** Advances virtual time by `ms`, running everything that happens meanwhile. */
  run(ms: number): this {
    this.sim.runUntil(this.sim.now + ms);
    return this;
  }

  get now(): number {
    return this.sim.now;
  }

  // --- Reading state (straight from etcd: the truth, not any component's view) ---------------

  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ObjectOfKind<K> | undefined {
    return this.etcd.get(
      etcdKey(kind, RESOURCES[kind].namespaced ? (namespace ?? 'default') : undefined, name),
    )?.value as ObjectOfKind<K> | undefined;
  }

  list<K extends Kind>(kind: K, namespace?: string): ObjectOfKind<K>[] {
    const prefix =
      RESOURCES[kind].etcdPrefix + (namespace && RESOURCES[kind].namespaced ? `${namespace}/` : '');
    return this.etcd.range(prefix).map((kv) => kv.value as ObjectOfKind<K>);
  }

  // --- kubectl ------------------------------------------------------------------------------

  /** `kubectl create -f`: refused (AlreadyExists) if an object of that name is there already. */
  create(object: KubeObject, done?: (r: ApiResult) => void): void {
    this.api.request(KUBECTL, { verb: 'create', kind: object.kind, object }, done);
  }

  /** `kubectl create` (or `apply` of an existing object: an update). */
  apply(object: KubeObject, done?: (r: ApiResult) => void): void {
    const exists = object.metadata.name
      ? this.get(object.kind, object.metadata.namespace, object.metadata.name)
      : undefined;
    if (exists) {
      const next = {
        ...object,
        metadata: {
          ...exists.metadata,
          ...object.metadata,
          resourceVersion: exists.metadata.resourceVersion,
        },
      } as KubeObject;
      this.api.request(KUBECTL, { verb: 'update', kind: object.kind, object: next }, done);
    } else {
      this.api.request(KUBECTL, { verb: 'create', kind: object.kind, object }, done);
    }
  }

  delete(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    done?: (r: ApiResult) => void,
    gracePeriodSeconds?: number,
  ): void {
    this.api.request(
      KUBECTL,
      {
        verb: 'delete',
        kind,
        ...(namespace ? { namespace } : {}),
        name,
        ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}),
      },
      done,
    );
  }

  /** kubectl's merge PATCH (`patch` holds only what changes: labels, annotations, spec; null removes). */
  patch(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    patch: unknown,
    done?: (r: ApiResult) => void,
  ): void {
    this.api.request(
      KUBECTL,
      { verb: 'patch', kind, ...(namespace ? { namespace } : {}), name, object: patch as KubeObject },
      done,
    );
  }

  /** `kubectl scale deployment/x --replicas=N` (also ReplicaSets). */
  scale(
    kind: 'Deployment' | 'ReplicaSet',
    namespace: string,
    name: string,
    replicas: number,
    done?: (r: ApiResult) => void,
  ): void {
    const current = this.get(kind, namespace, name);
    if (!current) {
      this.api.request(KUBECTL, { verb: 'get', kind, namespace, name }, done);
      return;
    }
    this.api.request(
      KUBECTL,
      { verb: 'update', kind, object: { ...current, spec: { ...current.spec, replicas } } as KubeObject },
      done,
    );
  }

  /**
   * kubectl's node commands send a PATCH with no resourceVersion, as kubectl does, so the kubelet's
   * status reports meanwhile are no conflict. The unschedulable taint is not kubectl's to add:
   * node-lifecycle-controller adds it when it sees `spec.unschedulable`.
   */
  cordon(name: string, done?: (r: ApiResult) => void): void {
    this.patch('Node', undefined, name, { spec: { unschedulable: true } }, done);
  }

  uncordon(name: string, done?: (r: ApiResult) => void): void {
    this.patch('Node', undefined, name, { spec: { unschedulable: null } }, done);
  }

  /** `kubectl taint`: the node's whole taint list, changed (taints have no merge key). */
  taint(name: string, taint: Taint, done?: (r: ApiResult) => void): void {
    const taints = this.get('Node', undefined, name)?.spec.taints;
    this.patch('Node', undefined, name, { spec: { taints: withTaint(taints, taint) } }, done);
  }

  untaint(name: string, key: string, done?: (r: ApiResult) => void): void {
    const taints = (this.get('Node', undefined, name)?.spec.taints ?? []).filter((t) => t.key !== key);
    this.patch('Node', undefined, name, { spec: { taints: taints.length ? taints : null } }, done);
  }

  /**
   * A pod's eviction (`POST …/pods/NAME/eviction`, as kubectl drain sends it): kube-apiserver marks
   * the pod DisruptionTarget, then deletes it with its grace period.
   */
  evict(namespace: string | undefined, name: string, done?: (r: ApiResult) => void): void {
    this.api.request(KUBECTL, { verb: 'evict', kind: 'Pod', namespace: namespace ?? 'default', name }, done);
  }

  /** `kubectl drain`: cordon, then evict every pod on the node except DaemonSet and mirror pods. */
  drain(name: string): void {
    this.cordon(name);
    for (const pod of this.list('Pod')) {
      if (pod.spec.nodeName !== name || pod.metadata.annotations?.['kubernetes.io/config.mirror']) continue;
      if (pod.metadata.ownerReferences?.some((r) => r.kind === 'DaemonSet')) continue;
      this.evict(pod.metadata.namespace, pod.metadata.name);
    }
  }

  // --- minikube and faults -------------------------------------------------------------------

  /** `minikube node add`: a new worker boots and joins. */
  addNode(): NodeName {
    const parts = this.createNode(this.nextNodeIndex);
    (this.config as { nodeCount: number }).nodeCount = this.nodes.length;
    this.sim.after(1_000, () => this.join(parts));
    return parts.name;
  }

  /** `minikube node delete`: the machine is stopped and its Node object deleted; pod GC removes what was bound to it. */
  removeNode(name: string, done?: (r: ApiResult) => void): boolean {
    const parts = this.nodes.find((n) => n.name === name);
    if (!parts || parts === this.nodes[0]) return false;
    this.stopNode(name);
    this.delete('Node', undefined, name, done);
    this.nodes.splice(this.nodes.indexOf(parts), 1);
    (this.config as { nodeCount: number }).nodeCount = this.nodes.length;
    return true;
  }

  /** `minikube addons enable dashboard`: its objects are applied; the web UI starts watching once its container runs. */
  enableAddon(name: string): boolean {
    if (!this.addons.has(name)) return false;
    if (name === 'dashboard' && !this.addons.get(name)) {
      DASHBOARD_OBJECTS.forEach((o, i) => this.sim.after(i * 5, () => this.apply(o)));
    }
    this.addons.set(name, true);
    return true;
  }

  /** `minikube addons disable dashboard`: the web UI stops and its namespace's objects go. */
  disableAddon(name: string): boolean {
    if (!this.addons.has(name)) return false;
    if (name === 'dashboard' && this.addons.get(name)) {
      this.dashboard.stop();
      for (const o of [...DASHBOARD_OBJECTS].reverse())
        if (o.kind !== 'Namespace') this.delete(o.kind, DASHBOARD_NAMESPACE, o.metadata.name);
    }
    this.addons.set(name, false);
    return true;
  }

  /** The node's kubelet process stops (containers keep running). */
  stopKubelet(name: string): void {
    this.node(name).kubelet.stop();
  }

  startKubelet(name: string): void {
    const n = this.node(name);
    if (!n.kubelet.up) n.kubelet.start();
  }

  /** The whole machine goes down: every process and container on it is gone. */
  stopNode(name: string): void {
    const n = this.node(name);
    n.kubelet.stop();
    n.proxy.stop();
    n.runtime.wipe();
    this.sim.setUp(n.runtime.id, false);
    this.sim.setUp(podsId(n.name), false);
  }

  startNode(name: string): void {
    const n = this.node(name);
    if (!this.sim.isUp(n.runtime.id)) this.join(n);
  }

  /**
   * Stops a component the way an operator does: a control-plane component's manifest is moved out
   * of /etc/kubernetes/manifests (kubelet stops its container a moment later); CoreDNS is held
   * down by hand.
   */
  stopComponent(component: StoppableComponent): void {
    if (component !== 'coredns') {
      if (this.moveManifest(component, false)) this.manifestPlaces.set(component, `/tmp/${component}.yaml`);
      return;
    }
    this.coreDnsStopped = true;
    this.coreDns.stop();
  }

  startComponent(component: StoppableComponent): void {
    if (component !== 'coredns') {
      if (this.moveManifest(component, true)) this.manifestPlaces.delete(component);
      return;
    }
    this.coreDnsStopped = false;
    this.coreDnsChanged();
  }

  isUp(component: StoppableComponent): boolean {
    return this.sim.isUp(STOPPABLE_IDS[component]);
  }

  /** Whether the component's process was running at virtual time `at` (the UI's cursor, behind the run). */
  wasUp(component: StoppableComponent, at: number): boolean {
    return this.sim.wasUp(STOPPABLE_IDS[component], at);
  }

  // --- Exec -----------------------------------------------------------------------------------

  /**
   * kubectl exec: kubectl GETs the pod, then asks kube-apiserver for an exec stream (a WebSocket
   * upgrade of GET …/pods/NAME/exec), which kube-apiserver opens to the kubelet of the pod's node
   * (its /exec endpoint); kubelet has its runtime start the process in the container (CRI Exec).
   * `process` then runs there (its traffic leaves from that node) and says when it has finished.
   */
  exec(
    namespace: string,
    podName: string,
    container: string | undefined,
    argv: readonly string[],
    process: (node: string, pod: Pod, finished: () => void) => void,
    done: (r: ExecStart) => void,
  ): void {
    this.api.request(
      KUBECTL,
      { verb: 'get', kind: 'Pod', namespace, name: podName },
      (r) => {
        if (!r.ok) return done({ ok: false, reason: 'api', error: r.error });
        const pod = r.object as Pod;
        const phase = pod.status.phase;
        if (phase === 'Succeeded' || phase === 'Failed')
          return done({ ok: false, reason: 'completed', phase });
        const name = container ?? pod.spec.containers[0]!.name;
        if (!pod.spec.containers.some((c) => c.name === name))
          return done({ ok: false, reason: 'noContainer', container: name });
        const query = `${argv.map((w) => `command=${encodeURIComponent(w)}`).join('&')}&container=${encodeURIComponent(name)}&stderr=true&stdout=true`;
        this.sim.send(
          KUBECTL,
          APISERVER,
          {
            kind: 'request',
            summary: `GET /api/v1/namespaces/${namespace}/pods/${podName}/exec?${query}`,
            object: objectRef('Pod', namespace, podName),
          },
          () => this.execOnNode(pod, name, argv, process, done),
        );
      },
      { refused: true },
    );
  }

  /** kube-apiserver's side of an exec: the stream to the pod's kubelet, then the runtime's process. */
  private execOnNode(
    pod: Pod,
    container: string,
    argv: readonly string[],
    process: (node: string, pod: Pod, finished: () => void) => void,
    done: (r: ExecStart) => void,
  ): void {
    const nodeName = pod.spec.nodeName;
    const parts = nodeName ? this.nodes.find((n) => n.name === nodeName) : undefined;
    const running = () =>
      parts?.runtime
        .containersOf(pod.metadata.uid)
        .some((c) => c.name === container && c.state === 'running');
    if (!parts || !nodeName) return done({ ok: false, reason: 'notRunning', container });
    if (!parts.kubelet.up)
      return done({ ok: false, reason: 'kubeletDown', nodeIP: nodeIP(parts.kubelet.shape.index) });
    const ns = pod.metadata.namespace ?? 'default';
    const ref = objectRef('Pod', ns, pod.metadata.name);
    const words = argv.join(' ');
    this.sim.send(
      APISERVER,
      parts.kubelet.id,
      { kind: 'request', summary: `GET /exec/${ns}/${pod.metadata.name}/${container}`, object: ref },
      () =>
        this.sim.send(
          parts.kubelet.id,
          parts.runtime.id,
          { kind: 'cri', summary: `Exec ${ns}/${pod.metadata.name} ${container}: ${words}`, object: ref },
          () => {
            if (!running()) return done({ ok: false, reason: 'notRunning', container });
            this.sim.send(
              parts.runtime.id,
              podsId(parts.name),
              { kind: 'run', summary: `exec ${words} in ${ns}/${pod.metadata.name}`, object: ref },
              () => process(nodeName, pod, () => done({ ok: true, node: nodeName })),
            );
          },
        ),
    );
  }

  // --- Traffic --------------------------------------------------------------------------------

  /** A pod on `fromNode` connects to a Service: through that node's kube-proxy rules to one backend. */
  connect(
    fromNode: string,
    namespace: string,
    service: string,
    port: number,
    done?: (backend: Backend | null) => void,
  ): void {
    const n = this.node(fromNode);
    const svc = this.get('Service', namespace, service);
    const ip = svc?.spec.clusterIP ?? '';
    this.sim.send(podsId(n.name), n.proxy.id, { kind: 'traffic', summary: `connect ${ip}:${port}` }, () => {
      const backend = n.proxy.route(ip, port);
      if (!backend) return done?.(null);
      const target = backend.node ? podsId(backend.node as NodeName) : podsId(n.name);
      this.sim.send(
        n.proxy.id,
        target,
        { kind: 'traffic', summary: `DNAT ${ip}:${port} → ${backend.ip}:${backend.port}` },
        () => done?.(backend),
      );
    });
  }

  /**
   * A pod on `fromNode` looks a name up: its resolver asks 10.96.0.10, which kube-proxy's rules send
   * to CoreDNS; the answer comes back the same way (conntrack on the pod's node undoes the DNAT).
   */
  resolve(fromNode: string, name: string, done: (answer: DnsAnswer) => void, namespace = 'default'): void {
    const n = this.node(fromNode);
    this.sim.send(
      podsId(n.name),
      n.proxy.id,
      { kind: 'traffic', summary: `DNS query ${name} → 10.96.0.10:53` },
      () => {
        if (!this.coreDns.up) {
          this.sim.after(5_000, () => done({ ok: false, rcode: 'TIMEOUT' }));
          return;
        }
        this.sim.send(n.proxy.id, COREDNS, { kind: 'traffic', summary: `DNS query ${name}` }, () => {
          const answer = this.coreDns.resolve(name, namespace);
          const summary = `DNS answer ${name}: ${answer.ok ? `A ${answer.ip}` : answer.rcode}`;
          this.sim.send(COREDNS, n.proxy.id, { kind: 'traffic', summary }, () =>
            this.sim.send(
              n.proxy.id,
              podsId(n.name),
              { kind: 'traffic', summary: `${summary} (from 10.96.0.10)` },
              () => done(answer),
            ),
          );
        });
      },
    );
  }
}

function withTaint(taints: readonly Taint[] | undefined, taint: Taint): Taint[] {
  return [...(taints ?? []).filter((t) => !(t.key === taint.key && t.effect === taint.effect)), taint];
}
