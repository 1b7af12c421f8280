/**
 * The diagram's nodes when minikube added or deleted machines (`minikube node add`, `node delete`):
 * the architecture of the nodes that exist, named as minikube named them (a deleted node's name is
 * not reused, so the names may skip one).
 */
import type { RuntimeName } from '../engine/clusterConfig';
import { buildTopology, type Topology } from '../engine/topology';

/** The index minikube gave a node's name: `minikube` 0, `minikube-m02` 1, … (-1 for anything else). */
export function nodeIndex(name: string): number {
  if (name === 'minikube') return 0;
  const m = /^minikube-m(\d{2,})$/.exec(name);
  return m ? Number(m[1]) - 1 : -1;
}

/** The topology of exactly these machines. */
export function topologyOf(names: readonly string[], runtime: RuntimeName): Topology {
  const indices = names.map(nodeIndex).filter((i) => i >= 0);
  const full = buildTopology({ nodeCount: Math.max(1, ...indices.map((i) => i + 1)), runtime });
  const keep = new Set(names);
  const components = full.components.filter((c) => c.node === undefined || keep.has(c.node));
  const ids = new Set<string>([...components.map((c) => c.id as string), ...names.map((n) => `pods/${n}`)]);
  return {
    nodes: full.nodes.filter((n) => keep.has(n.name)),
    components,
    paths: full.paths.filter((p) => ids.has(p.from) && ids.has(p.to)),
  };
}

/** Whether a topology shows exactly these machines, in this order. */
export function showsMachines(topology: Topology, names: readonly string[]): boolean {
  return topology.nodes.length === names.length && topology.nodes.every((n, i) => n.name === names[i]);
}
