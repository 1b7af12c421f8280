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

/**
 * The box a workflow step points at (its focus: component ids and node names), or undefined when
 * it points at nothing drawn. kube-apiserver's bar counts only when it is all the step names: it
 * spans the whole control plane, and every other component's line reaches it anyway.
 */
export function focusFrame(layout: DiagramLayout, focus: ReadonlySet<string>): Box | undefined {
  const apiserver = componentId('kube-apiserver');
  const boxes: Box[] = [];
  for (const n of layout.nodes) if (focus.has(n.node.name)) boxes.push(n.box);
  for (const c of layout.cards) {
    if (!focus.has(c.component.id)) continue;
    if (c.component.id === apiserver && focus.size > 1) continue;
    boxes.push(c.box);
  }
  return boxes.length ? union(boxes) : undefined;
}
