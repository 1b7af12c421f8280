/** The minimap, shown only when part of the cluster is out of view (when all of it is visible it would only cover some). */
import { MiniMap, useStore as useFlowStore, type Node } from '@xyflow/react';
import type { Box } from './geometry';

const MINIMAP_COLORS: Partial<Record<string, string>> = {
  k8sNode: '#94a3b8',
  zone: '#cbd5e1',
  component: '#326ce5',
  pods: '#a7f3d0',
};
const minimapColor = (node: Node) => MINIMAP_COLORS[node.type ?? ''] ?? 'transparent';

export function OverviewMap({ bounds }: { bounds: Box }) {
  const partlyHidden = useFlowStore((s) => {
    const [x, y, zoom] = s.transform;
    const left = bounds.x * zoom + x;
    const top = bounds.y * zoom + y;
    return (
      left < -1 || top < -1 || left + bounds.w * zoom > s.width + 1 || top + bounds.h * zoom > s.height + 1
    );
  });
  if (!partlyHidden) return null;
  return (
    <MiniMap
      pannable
      zoomable
      position="bottom-right"
      nodeColor={minimapColor}
      style={{ width: 160, height: 110 }}
    />
  );
}
