/** The diagram's React Flow node types: a module-level constant, so React Flow never re-creates them. */
import type { NodeTypes } from '@xyflow/react';
import { ClusterBox } from './nodes/ClusterBox';
import { ComponentCard } from './nodes/ComponentCard';
import { EdgeLayer } from './nodes/EdgeLayer';
import { NodeBox } from './nodes/NodeBox';
import { PodsArea } from './nodes/PodsArea';
import { ZoneBox } from './nodes/ZoneBox';

export const NODE_TYPES: NodeTypes = {
  cluster: ClusterBox,
  k8sNode: NodeBox,
  zone: ZoneBox,
  pods: PodsArea,
  edges: EdgeLayer,
  component: ComponentCard,
};
