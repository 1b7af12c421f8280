/**
 * All communication paths, drawn as one SVG between the boxes and the cards: straight lines
 * from border to border, with an arrow at the receiving end. The selection's paths light up.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useAppStore } from '../../storeContext';
import { isPathActive } from '../../selection';
import { EDGE_STYLES, PATH_KINDS } from '../edgeStyle';
import type { EdgeLayerNode } from '../flowNodes';
import type { EdgeLayout } from '../layout';

const Edge = memo(function Edge({ edge, ox, oy }: { edge: EdgeLayout; ox: number; oy: number }) {
  const active = useAppStore((s) => isPathActive(s.selection, s.topology, edge.path));
  const dimmed = useAppStore((s) => s.selection !== null && s.selection.kind !== 'pod') && !active;
  const style = EDGE_STYLES[edge.path.kind];
  return (
    <polyline
      data-edge={edge.id}
      data-active={active || undefined}
      className={style.color}
      points={edge.points.map((p) => `${p.x - ox},${p.y - oy}`).join(' ')}
      fill="none"
      strokeLinejoin="round"
      stroke="currentColor"
      strokeWidth={active ? 3 : 1.6}
      strokeOpacity={active ? 1 : dimmed ? 0.12 : 0.55}
      strokeDasharray={style.dash}
      markerEnd={`url(#arrow-${edge.path.kind})`}
    />
  );
});

export const EdgeLayer = memo(function EdgeLayer({ data }: NodeProps<EdgeLayerNode>) {
  const { box, edges } = data;
  return (
    <svg width={box.w} height={box.h} className="pointer-events-none overflow-visible" aria-hidden="true">
      <defs>
        {PATH_KINDS.map((kind) => (
          <marker
            key={kind}
            id={`arrow-${kind}`}
            className={EDGE_STYLES[kind].color}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0 0 L10 5 L0 10 z" fill="currentColor" />
          </marker>
        ))}
      </defs>
      {edges.map((edge) => (
        <Edge key={edge.id} edge={edge} ox={box.x} oy={box.y} />
      ))}
    </svg>
  );
});
