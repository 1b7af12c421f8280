/** Turns the diagram layout into React Flow nodes: boxes behind, the edge layer, then the component cards on top. */
import type { Node } from '@xyflow/react';
import type { ClusterNode, Component } from '../../engine/topology';
import { componentDomId } from '../focusSelection';
import type { Box } from './geometry';
import type { CardLayout, DiagramLayout, EdgeLayout, NodeLayout } from './layout';

export type ClusterBoxNode = Node<{ box: Box }, 'cluster'>;
export type ZoneBoxNode = Node<{ box: Box; zone: 'controlPlane' | 'addons' | 'nodeComponents' }, 'zone'>;
export type NodeBoxNode = Node<{ box: Box; node: ClusterNode }, 'k8sNode'>;
export type PodsAreaNode = Node<{ box: Box; node: ClusterNode }, 'pods'>;
export type EdgeLayerNode = Node<{ box: Box; edges: readonly EdgeLayout[] }, 'edges'>;
export type ComponentCardNode = Node<{ box: Box; component: Component; domId: string }, 'component'>;

export type FlowNode =
  ClusterBoxNode | ZoneBoxNode | NodeBoxNode | PodsAreaNode | EdgeLayerNode | ComponentCardNode;

/** The DOM id of a component's button (used by aria-owns and focus). */
export const cardDomId = (component: Component) => componentDomId(component.id);

const fixed = {
  draggable: false,
  selectable: false,
  connectable: false,
  focusable: false,
  deletable: false,
} as const;

// Sizes are known from the layout: React Flow need not measure them before showing anything.
const sized = (box: Box) => ({
  position: { x: box.x, y: box.y },
  width: box.w,
  height: box.h,
  measured: { width: box.w, height: box.h },
  ...fixed,
});

export function toFlowNodes(layout: DiagramLayout): FlowNode[] {
  const members = (n: NodeLayout) =>
    layout.cards
      .filter(
        (c) =>
          c.component.node === n.node.name ||
          (n.node.controlPlane && c.component.placement === 'control-plane'),
      )
      .map((c) => cardDomId(c.component))
      .join(' ');

  const nodeBox = (n: NodeLayout): NodeBoxNode => ({
    id: `node/${n.node.name}`,
    type: 'k8sNode',
    data: { box: n.box, node: n.node },
    zIndex: 1,
    ariaRole: 'group',
    ariaLabel: n.node.name,
    domAttributes: { 'aria-roledescription': undefined, 'aria-owns': members(n) },
    ...sized(n.box),
  });
  const card = (c: CardLayout): ComponentCardNode => ({
    id: c.component.id,
    type: 'component',
    data: { box: c.box, component: c.component, domId: cardDomId(c.component) },
    zIndex: 5,
    domAttributes: { 'aria-roledescription': undefined },
    ...sized(c.box),
  });
  const cardsWhere = (test: (c: CardLayout) => boolean) => layout.cards.filter(test).map(card);

  // Backgrounds first; then the focusable parts in reading order (Tab follows the DOM, z-index the drawing):
  // kubectl, the control plane, each node with its components, the addons.
  return [
    { id: 'cluster', type: 'cluster', data: { box: layout.cluster }, zIndex: 0, ...sized(layout.cluster) },
    {
      id: 'zone/controlPlane',
      type: 'zone',
      data: { box: layout.controlPlane, zone: 'controlPlane' },
      zIndex: 2,
      ...sized(layout.controlPlane),
    },
    {
      id: 'zone/addons',
      type: 'zone',
      data: { box: layout.addons, zone: 'addons' },
      zIndex: 2,
      ...sized(layout.addons),
    },
    ...layout.nodes.map((n): ZoneBoxNode => ({
      id: `zone/${n.node.name}`,
      type: 'zone',
      data: { box: n.components, zone: 'nodeComponents' },
      zIndex: 2,
      ...sized(n.components),
    })),
    ...layout.nodes.map((n): PodsAreaNode => ({
      id: `pods/${n.node.name}`,
      type: 'pods',
      data: { box: n.pods, node: n.node },
      zIndex: 3,
      ...sized(n.pods),
    })),
    {
      id: 'edges',
      type: 'edges',
      data: { box: layout.bounds, edges: layout.edges },
      zIndex: 4,
      ...sized(layout.bounds),
    },
    ...cardsWhere((c) => c.component.placement === 'outside' || c.component.placement === 'control-plane'),
    ...layout.nodes.flatMap((n) => [nodeBox(n), ...cardsWhere((c) => c.component.node === n.node.name)]),
    ...cardsWhere((c) => c.component.placement === 'addon'),
  ];
}
