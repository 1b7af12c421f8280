/**
 * Where everything sits in the diagram, in flow coordinates: a pure function of the topology,
 * so it is tested without a browser and the same cluster always looks the same.
 *
 * kube-apiserver is drawn as a wide bar across the control plane, since everything talks to it:
 * scheduler, etcd and controller-manager sit above it, kubectl at its left end, the addons at its
 * right end, and every node's kubelet and kube-proxy below it, their lines rising straight up.
 */
import type {
  ClusterNode,
  Component,
  ComponentKind,
  Endpoint,
  Topology,
  CommPath,
} from '../../engine/topology';
import { componentId, podsId } from '../../engine/topology';
import { connect, connectToBar, reverse, union, type Box, type Point } from './geometry';

export const CARD = { w: 260, h: 56 } as const;
const GAP = 16;
const PAD = 16;
const NODE_HEADER = 44;
const ZONE_HEADER = 28;
const ZONE_PAD = 12;
const PODS_H = 96;
const CLUSTER_HEADER = 44;
const CLUSTER_PAD = 24;
const BOX_GAP = 24;
const OUTSIDE_GAP = 88;
const BAR_H = 56;

/** The zone of a node's own components: kubelet, kube-proxy / runtime, pods. */
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
  readonly from: Point;
  readonly to: Point;
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

  const placeNodeZone = (node: ClusterNode, box: Box, zx: number, zy: number): NodeLayout => {
    const x = zx + ZONE_PAD;
    const y = zy + ZONE_HEADER;
    place('kubelet', card(x, y), node);
    place('kube-proxy', card(x + CARD.w + GAP, y), node);
    place('container-runtime', card(x, y + CARD.h + GAP), node);
    const pods = { x: x + CARD.w + GAP, y: y + CARD.h + GAP, w: CARD.w, h: PODS_H };
    cards.set(podsId(node.name), pods);
    return { node, box, components: { x: zx, y: zy, ...NODE_ZONE }, pods };
  };

  const [primary, ...workers] = topology.nodes;
  if (!primary) throw new Error('a cluster has at least one node');
  const columns = workerColumns(workers.length);
  const gridW = columns * NODE_BOX.w + (columns - 1) * BOX_GAP;
  const innerW = Math.max(gridW - 2 * PAD, CP_MIN_W);

  // minikube: the control plane across the top, its own node components below.
  const left = CLUSTER_PAD;
  const top = CLUSTER_HEADER;
  const controlPlane: Box = { x: left + PAD, y: top + NODE_HEADER, w: innerW, h: CP_ZONE_H };
  const cardsY = controlPlane.y + ZONE_HEADER;
  const span = innerW - 2 * ZONE_PAD - CARD.w;
  place('kube-scheduler', card(controlPlane.x + ZONE_PAD, cardsY));
  place('etcd', card(controlPlane.x + ZONE_PAD + span / 2, cardsY));
  place('kube-controller-manager', card(controlPlane.x + ZONE_PAD + span, cardsY));
  const bar: Box = {
    x: controlPlane.x + ZONE_PAD,
    y: cardsY + CARD.h + 2 * GAP,
    w: innerW - 2 * ZONE_PAD,
    h: BAR_H,
  };
  place('kube-apiserver', bar);

  const primaryZoneY = controlPlane.y + controlPlane.h + GAP;
  const primaryBox: Box = {
    x: left,
    y: top,
    w: innerW + 2 * PAD,
    h: primaryZoneY + NODE_ZONE.h + PAD - top,
  };
  const nodes: NodeLayout[] = [placeNodeZone(primary, primaryBox, left + PAD, primaryZoneY)];

  const gridTop = primaryBox.y + primaryBox.h + BOX_GAP;
  workers.forEach((node, i) => {
    const box: Box = {
      x: left + (i % columns) * (NODE_BOX.w + BOX_GAP),
      y: gridTop + Math.floor(i / columns) * (NODE_BOX.h + BOX_GAP),
      ...NODE_BOX,
    };
    nodes.push(placeNodeZone(node, box, box.x + PAD, box.y + NODE_HEADER));
  });

  // Addons: beside minikube, level with kube-apiserver's bar.
  const addons: Box = {
    x: primaryBox.x + primaryBox.w + BOX_GAP,
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
  place('kubectl', card(-OUTSIDE_GAP - CARD.w, bar.y + (BAR_H - CARD.h) / 2));

  const cardLayouts: CardLayout[] = topology.components.map((component) => {
    const box = cards.get(component.id);
    if (!box) throw new Error(`no place for ${component.id}`);
    return { component, box };
  });

  const apiserver = componentId('kube-apiserver');
  const edges: EdgeLayout[] = topology.paths.map((path) => {
    const from = cards.get(path.from);
    const to = cards.get(path.to);
    if (!from || !to) throw new Error(`no place for path ${path.from} → ${path.to}`);
    const segment =
      path.to === apiserver
        ? connectToBar(from, bar)
        : path.from === apiserver
          ? reverse(connectToBar(to, bar))
          : connect(from, to);
    return { id: `${path.from}->${path.to}`, path, ...segment };
  });

  const bounds = union([cluster, ...cardLayouts.map((c) => c.box)]);
  return { cluster, controlPlane, addons, nodes, cards: cardLayouts, edges, bounds };
}
