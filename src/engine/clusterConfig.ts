/** What a cluster is made of before it starts: how many nodes and which container runtime. */

/** The container runtimes a node can use; docker (through cri-dockerd) is minikube's default. */
export const RUNTIMES = ['docker', 'containerd', 'cri-o'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

/** A node's name, as minikube gives it. */
export type NodeName = string & { readonly __brand: 'NodeName' };

export const MIN_NODES = 1;
export const MAX_NODES = 10;

export interface ClusterConfig {
  /** 1 is minikube's single node (control plane and worker at once); 2–10 add minikube-m02, … */
  readonly nodeCount: number;
  readonly runtime: RuntimeName;
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = { nodeCount: 1, runtime: 'docker' };

/**
 * Whether minikube installs kindnet as the CNI (cni.chooseDefault with the docker driver): for
 * more than one node, or for a runtime other than docker. A single docker node gets the bridge
 * CNI, a config file and no pod.
 */
export const usesKindnet = (config: ClusterConfig) => config.nodeCount > 1 || config.runtime !== 'docker';

/** The name minikube gives the node at `index` (0-based): `minikube`, `minikube-m02`, `minikube-m03`, … */
export function nodeNameAt(index: number): NodeName {
  return (index === 0 ? 'minikube' : `minikube-m${String(index + 1).padStart(2, '0')}`) as NodeName;
}

export function isRuntimeName(value: string): value is RuntimeName {
  return (RUNTIMES as readonly string[]).includes(value);
}

/** When the first worker joins (ms) and the pause between the next ones, unless a run says otherwise. */
export const WORKER_JOIN_AT_MS = 2_000;
export const WORKER_JOIN_EVERY_MS = 1_000;

/**
 * When the last of `nodeCount` nodes has joined and reported Ready with the default join schedule
 * (each is Ready once its pod network is: with kindnet, once its kindnet pod has pulled its image
 * and written the CNI config).
 */
export function settledAt(nodeCount: number): number {
  return WORKER_JOIN_AT_MS + Math.max(0, nodeCount - 2) * WORKER_JOIN_EVERY_MS + 4_500;
}
