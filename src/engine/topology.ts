/**
 * The cluster's architecture as data: which components exist, where they run, and the only
 * communication paths between them. The diagram draws it; the simulation refuses any other path.
 */
import { nodeNameAt, type ClusterConfig, type NodeName, type RuntimeName } from './clusterConfig';

/** Component kinds, spelled as Kubernetes spells them. */
export type ComponentKind =
  | 'kubectl'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'kubelet'
  | 'kube-proxy'
  | 'container-runtime'
  | 'coredns'
  | 'dashboard';

/** Where a component lives: outside the cluster, in the control plane, on one node, or as an addon. */
export type Placement = 'outside' | 'control-plane' | 'node' | 'addon';

export type ComponentId = string & { readonly __brand: 'ComponentId' };

export interface Component {
  readonly id: ComponentId;
  readonly kind: ComponentKind;
  /** The real name shown to people: `kube-apiserver`, `kubelet`, `docker`, `CoreDNS`. */
  readonly name: string;
  readonly placement: Placement;
  /** The node it runs on, for per-node components. */
  readonly node?: NodeName;
}

export interface ClusterNode {
  readonly name: NodeName;
  /** The first node is minikube's control plane; it also runs ordinary pods (no control-plane taint). */
  readonly controlPlane: boolean;
}

/** What travels along a path. */
export type PathKind =
  | 'api' // REST and watches to kube-apiserver
  | 'storage' // kube-apiserver reads and writes etcd
  | 'cri' // kubelet drives the container runtime over the CRI
  | 'run' // the runtime creates and runs the pods' containers
  | 'traffic'; // kube-proxy's rules carry Service traffic to pods

/** An endpoint of a path: a component, or the pods of one node. */
export type Endpoint = ComponentId | PodsId;
export type PodsId = string & { readonly __brand: 'PodsId' };

export interface CommPath {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly kind: PathKind;
}

export interface Topology {
  readonly nodes: readonly ClusterNode[];
  readonly components: readonly Component[];
  readonly paths: readonly CommPath[];
}

const RUNTIME_NAMES: Record<RuntimeName, string> = {
  docker: 'docker',
  containerd: 'containerd',
  'cri-o': 'cri-o',
};

/** The id of a cluster-wide component (`kube-apiserver`) or of a per-node one (`kubelet/minikube-m02`). */
export function componentId(kind: ComponentKind, node?: NodeName): ComponentId {
  return (node ? `${kind}/${node}` : kind) as ComponentId;
}

/** The id of a node's pods area. */
export function podsId(node: NodeName): PodsId {
  return `pods/${node}` as PodsId;
}

const APISERVER = componentId('kube-apiserver');

/** Builds the architecture of a cluster with the given nodes and runtime. */
export function buildTopology(config: ClusterConfig): Topology {
  const nodes: ClusterNode[] = Array.from({ length: config.nodeCount }, (_, i) => ({
    name: nodeNameAt(i),
    controlPlane: i === 0,
  }));

  const global = (kind: ComponentKind, name: string, placement: Placement): Component => ({
    id: componentId(kind),
    kind,
    name,
    placement,
  });
  const components: Component[] = [
    global('kubectl', 'kubectl', 'outside'),
    global('kube-apiserver', 'kube-apiserver', 'control-plane'),
    global('etcd', 'etcd', 'control-plane'),
    global('kube-scheduler', 'kube-scheduler', 'control-plane'),
    global('kube-controller-manager', 'kube-controller-manager', 'control-plane'),
  ];
  for (const { name: node } of nodes) {
    const local = (kind: ComponentKind, name: string): Component => ({
      id: componentId(kind, node),
      kind,
      name,
      placement: 'node',
      node,
    });
    components.push(
      local('kubelet', 'kubelet'),
      local('kube-proxy', 'kube-proxy'),
      local('container-runtime', RUNTIME_NAMES[config.runtime]),
    );
  }
  components.push(global('coredns', 'CoreDNS', 'addon'), global('dashboard', 'Dashboard', 'addon'));

  const paths: CommPath[] = [];
  for (const c of components) {
    if (c.id === APISERVER) continue;
    if (c.kind === 'etcd') paths.push({ from: APISERVER, to: c.id, kind: 'storage' });
    else if (c.kind !== 'container-runtime') paths.push({ from: c.id, to: APISERVER, kind: 'api' });
  }
  for (const { name: node } of nodes) {
    paths.push(
      { from: componentId('kubelet', node), to: componentId('container-runtime', node), kind: 'cri' },
      { from: componentId('container-runtime', node), to: podsId(node), kind: 'run' },
      { from: componentId('kube-proxy', node), to: podsId(node), kind: 'traffic' },
    );
  }
  return { nodes, components, paths };
}

/** Whether `from` may talk to `to` directly (in either direction along one of the topology's paths). */
export function isAllowedPath(topology: Topology, from: Endpoint, to: Endpoint): boolean {
  return topology.paths.some((p) => (p.from === from && p.to === to) || (p.from === to && p.to === from));
}

/** How a component runs: in a container (static pod, DaemonSet or addon pod), as a host process, or outside the cluster. */
export type RunsAs = 'container' | 'host' | 'outside';

/** kubelet and the runtime are host processes (they are what start containers); kubectl runs on your machine. */
export function runsAs(kind: ComponentKind): RunsAs {
  if (kind === 'kubectl') return 'outside';
  return kind === 'kubelet' || kind === 'container-runtime' ? 'host' : 'container';
}
