/** What a selection lights up: the selected thing, and the components and paths it talks along. */
import type { CommPath, Endpoint, Topology } from '../engine/topology';
import type { Selection } from '../store/appStore';

/** Whether `endpoint` is the selection itself or, for a node, one of the things on it. */
export function isSelected(selection: Selection | null, topology: Topology, endpoint: Endpoint): boolean {
  if (!selection) return false;
  if (selection.kind === 'component') return selection.id === endpoint;
  if (endpoint === `pods/${selection.name}`) return true;
  const controlPlane = topology.nodes.find((n) => n.name === selection.name)?.controlPlane ?? false;
  return topology.components.some(
    (c) =>
      c.id === endpoint && (c.node === selection.name || (controlPlane && c.placement === 'control-plane')),
  );
}

/** Whether a path touches the selection. */
export function isPathActive(selection: Selection | null, topology: Topology, path: CommPath): boolean {
  return isSelected(selection, topology, path.from) || isSelected(selection, topology, path.to);
}

/** Whether `endpoint` is selected or directly connected to the selection. */
export function isRelated(selection: Selection | null, topology: Topology, endpoint: Endpoint): boolean {
  if (!selection) return false;
  if (isSelected(selection, topology, endpoint)) return true;
  return topology.paths.some(
    (p) =>
      (p.from === endpoint && isSelected(selection, topology, p.to)) ||
      (p.to === endpoint && isSelected(selection, topology, p.from)),
  );
}
