/** The part of the diagram a selection is about: its card, its peers' cards and the lines between them. */
import type { Topology } from '../../engine/topology';
import { componentId } from '../../engine/topology';
import type { Selection } from '../../store/appStore';
import { isPathActive, isRelated, isSelected } from '../selection';
import { union, type Box } from './geometry';
import type { DiagramLayout } from './layout';

/**
 * The box to frame. kube-apiserver's bar spans the whole control plane, so unless it is the
 * selection itself only the stretch of it the selection's lines reach is included.
 */
export function selectionFrame(layout: DiagramLayout, topology: Topology, selection: Selection): Box {
  const apiserver = componentId('kube-apiserver');
  const boxes: Box[] = [];
  if (selection.kind === 'node') {
    const node = layout.nodes.find((n) => n.node.name === selection.name);
    if (node) boxes.push(node.box);
  }
  const barIsSubject = isSelected(selection, topology, apiserver);
  for (const c of layout.cards) {
    if (!isRelated(selection, topology, c.component.id)) continue;
    if (c.component.id === apiserver && !barIsSubject) continue;
    boxes.push(c.box);
  }
  for (const n of layout.nodes)
    if (isRelated(selection, topology, `pods/${n.node.name}` as never)) boxes.push(n.pods);
  for (const e of layout.edges) {
    if (!isPathActive(selection, topology, e.path)) continue;
    for (const p of e.points) boxes.push({ x: p.x - 40, y: p.y - 24, w: 80, h: 48 });
  }
  return boxes.length ? union(boxes) : layout.bounds;
}
