/**
 * Where everything sits in the diagram, in flow coordinates: a pure function of the topology,
 * so it is tested without a browser and the same cluster always looks the same.
 *
 * kube-apiserver is drawn as a wide bar across the control plane, since everything talks to it:
 * scheduler, etcd and controller-manager sit above it, kubectl above the cluster, the addons at
 * its right end. Each node's kubelet and kube-proxy sit on the right of their node and reach the
 * bar through a lane in the gap beside their column, so no line ever crosses another card.
 */
import type {
  ClusterNode,
  CommPath,
  Component,
  ComponentKind,
  Endpoint,
  Topology,
} from '../../engine/topology';
import { componentId, podsId } from '../../engine/topology';
import { center, connect, union, type Box, type Point } from './geometry';

export const CARD = { w: 260, h: 56 } as const;
const GAP = 16;
const PAD = 16;
const NODE_HEADER = 44;
const ZONE_HEADER = 28;
const ZONE_PAD = 12;
const PODS_H = 96;
const CLUSTER_HEADER = 44;
const CLUSTER_PAD = 24;
const ROW_GAP = 24;
/** The gap between worker columns; its middle is the lane that column's API lines rise in. */
const COL_GAP = 48;
const OUTSIDE_GAP = 72;
const BAR_H = 56;

/** The zone of a node's own components: runtime, kubelet / pods, kube-proxy. */
const NODE_ZONE = { w: 2 * ZONE_PAD + 2 * CARD.w + GAP, h: ZONE_HEADER + CARD.h + GAP + PODS_H + ZONE_PAD };
const NODE_BOX = { w: PAD + NODE_ZONE.w + PAD, h: NODE_HEADER + NODE_ZONE.h + PAD };
const CP_ZONE_H = ZONE_HEADER + CARD.h + 2 * GAP + BAR_H + ZONE_PAD;
const CP_MIN_W = 2 * ZONE_PAD + 3 * CARD.w + 2 * 3 * GAP;

export interface NodeLayout {
  readonly node: ClusterNode;
  readonly box: Box;
  /** The zone around kubelet, kube-proxy, the runtime and the pods. */
  readonly components: Box;
  /** The area that holds the node's pods. */
  readonly pods: Box;
}

export interface CardLayout {
  readonly component: Component;
  readonly box: Box;
}

export interface EdgeLayout {
  readonly id: string;
  readonly path: CommPath;
  /** The line's corners, from the sender's border to the receiver's. */
  readonly points: readonly Point[];
}

export interface DiagramLayout {
  readonly cluster: Box;
  readonly controlPlane: Box;
  readonly addons: Box;
  readonly nodes: readonly NodeLayout[];
  readonly cards: readonly CardLayout[];
  readonly edges: readonly EdgeLayout[];
  /** Everything drawn, kubectl included. */
  readonly bounds: Box;
}

/** How many columns the worker grid uses for `count` workers. */
export function workerColumns(count: number): number {
  if (count <= 3) return Math.max(count, 1);
  return count === 4 ? 2 : 3;
}

/** Lays out the cluster: minikube's node on top (the control plane above its own components), workers below, addons at the right. */
export function layoutDiagram(topology: Topology): DiagramLayout {
  const cards = new Map<Endpoint, Box>();
  const place = (kind: ComponentKind, box: Box, node?: ClusterNode) =>
    cards.set(componentId(kind, node?.name), box);
  const card = (x: number, y: number): Box => ({ x, y, w: CARD.w, h: CARD.h });
  /** Which lane (x) each node's API lines rise in. */
  const laneOf = new Map<string, number>();

  const [primary, ...workers] = topology.nodes;
  if (!primary) throw new Error('a cluster has at least one node');
  const columns = workerColumns(workers.length);
  const left = CLUSTER_PAD;
  const columnX = (c: number) => left + c * (NODE_BOX.w + COL_GAP);
  const laneX = (c: number) => columnX(c) + NODE_BOX.w + COL_GAP / 2;

  const placeNodeZone = (node: ClusterNode, box: Box, zx: number, zy: number, lane: number): NodeLayout => {
    const x = zx + ZONE_PAD;
    const y = zy + ZONE_HEADER;
    place('container-runtime', card(x, y), node);
    place('kubelet', card(x + CARD.w + GAP, y), node);
    place('kube-proxy', card(x + CARD.w + GAP, y + CARD.h + GAP), node);
    const pods = { x, y: y + CARD.h + GAP, w: CARD.w, h: PODS_H };
    cards.set(podsId(node.name), pods);
    laneOf.set(node.name, lane);
    return { node, box, components: { x: zx, y: zy, ...NODE_ZONE }, pods };
  };

  // minikube: the control plane across the top (wide enough to reach every lane), its own node components below.
  const gridW = columns * NODE_BOX.w + (columns - 1) * COL_GAP;
  const boxW = Math.max(gridW + COL_GAP + PAD, CP_MIN_W + 2 * PAD);
  const top = CLUSTER_HEADER;
  const controlPlane: Box = { x: left + PAD, y: top + NODE_HEADER, w: boxW - 2 * PAD, h: CP_ZONE_H };
  const cardsY = controlPlane.y + ZONE_HEADER;
  const span = controlPlane.w - 2 * ZONE_PAD - CARD.w;
  const scheduler = card(controlPlane.x + ZONE_PAD, cardsY);
  const etcd = card(controlPlane.x + ZONE_PAD + Math.max(span / 2, CARD.w + 3 * GAP), cardsY);
  place('kube-scheduler', scheduler);
  place('etcd', etcd);
  place('kube-controller-manager', card(controlPlane.x + ZONE_PAD + span, cardsY));
  const bar: Box = {
    x: controlPlane.x + ZONE_PAD,
    y: cardsY + CARD.h + 2 * GAP,
    w: controlPlane.w - 2 * ZONE_PAD,
    h: BAR_H,
  };
  place('kube-apiserver', bar);

  const primaryZoneY = controlPlane.y + controlPlane.h + GAP;
  const primaryBox: Box = { x: left, y: top, w: boxW, h: primaryZoneY + NODE_ZONE.h + PAD - top };
  const nodes: NodeLayout[] = [placeNodeZone(primary, primaryBox, left + PAD, primaryZoneY, laneX(0))];

  const gridTop = primaryBox.y + primaryBox.h + ROW_GAP;
  workers.forEach((node, i) => {
    const column = i % columns;
    const box: Box = {
      x: columnX(column),
      y: gridTop + Math.floor(i / columns) * (NODE_BOX.h + ROW_GAP),
      ...NODE_BOX,
    };
    nodes.push(placeNodeZone(node, box, box.x + PAD, box.y + NODE_HEADER, laneX(column)));
  });

  // Addons: beside minikube, level with kube-apiserver's bar.
  const addons: Box = {
    x: primaryBox.x + primaryBox.w + ROW_GAP,
    y: bar.y - ZONE_HEADER,
    w: 2 * ZONE_PAD + CARD.w,
    h: ZONE_HEADER + 2 * CARD.h + GAP + ZONE_PAD,
  };
  place('coredns', card(addons.x + ZONE_PAD, addons.y + ZONE_HEADER));
  place('dashboard', card(addons.x + ZONE_PAD, addons.y + ZONE_HEADER + CARD.h + GAP));

  const inside = union([primaryBox, addons, ...nodes.map((n) => n.box)]);
  const cluster: Box = {
    x: 0,
    y: 0,
    w: inside.x + inside.w + CLUSTER_PAD,
    h: inside.y + inside.h + CLUSTER_PAD,
  };
  // kubectl: outside the cluster, above the gap between kube-scheduler and etcd.
  const kubectlX = (scheduler.x + scheduler.w + etcd.x) / 2 - CARD.w / 2;
  place('kubectl', card(kubectlX, cluster.y - OUTSIDE_GAP - CARD.h));

  const cardLayouts: CardLayout[] = topology.components.map((component) => {
    const box = cards.get(component.id);
    if (!box) throw new Error(`no place for ${component.id}`);
    return { component, box };
  });

  const apiserver = componentId('kube-apiserver');
  const componentsById = new Map(topology.components.map((c) => [c.id as Endpoint, c]));
  const route = (path: CommPath, from: Box, to: Box): Point[] => {
    if (path.to === apiserver) return routeToBar(componentsById.get(path.from)!, from, bar, addons, laneOf);
    if (path.from === apiserver)
      return routeToBar(componentsById.get(path.to)!, to, bar, addons, laneOf).reverse();
    const s = connect(from, to);
    return [s.from, s.to];
  };

  const edges: EdgeLayout[] = topology.paths.map((path) => {
    const from = cards.get(path.from);
    const to = cards.get(path.to);
    if (!from || !to) throw new Error(`no place for path ${path.from} → ${path.to}`);
    return { id: `${path.from}->${path.to}`, path, points: route(path, from, to) };
  });

  const bounds = union([cluster, ...cardLayouts.map((c) => c.box)]);
  return { cluster, controlPlane, addons, nodes, cards: cardLayouts, edges, bounds };
}

/** The line from a component to kube-apiserver's bar. */
function routeToBar(
  peer: Component,
  box: Box,
  bar: Box,
  addons: Box,
  laneOf: ReadonlyMap<string, number>,
): Point[] {
  const c = center(box);
  if (peer.node) {
    // Out of the card's right side into its column's lane, then straight up to the bar.
    const lane = laneOf.get(peer.node)!;
    return [
      { x: box.x + box.w, y: c.y },
      { x: lane, y: c.y },
      { x: lane, y: bar.y + bar.h },
    ];
  }
  if (peer.placement === 'addon') {
    const x = addons.x - ROW_GAP / 2;
    const barY = c.y <= bar.y + bar.h ? c.y : bar.y + bar.h / 2;
    return c.y <= bar.y + bar.h
      ? [
          { x: box.x, y: c.y },
          { x: bar.x + bar.w, y: c.y },
        ]
      : [
          { x: box.x, y: c.y },
          { x, y: c.y },
          { x, y: barY },
          { x: bar.x + bar.w, y: barY },
        ];
  }
  // Above the bar (kubectl, kube-scheduler, etcd, kube-controller-manager): straight down.
  return [
    { x: c.x, y: box.y + box.h },
    { x: c.x, y: bar.y },
  ];
}
