/**
 * Frames what matters: on selection, the selected component with every peer it talks to, in the
 * space the Details panel leaves; when the selection is cleared, the whole cluster again.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import type { Selection } from '../../store/appStore';
import { useAppStore } from '../storeContext';
import { isRelated } from '../selection';
import { useMediaQuery } from '../useMediaQuery';
import { FIT_OPTIONS } from './fitOptions';

export function FitToSelection() {
  const selection = useAppStore((s) => s.selection);
  const topology = useAppStore((s) => s.topology);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const { fitView } = useReactFlow();
  const previous = useRef<Selection | null>(null);

  useEffect(() => {
    if (width === 0 || height === 0) return;
    const duration = reducedMotion ? 0 : 300;
    const had = previous.current;
    previous.current = selection;
    if (!selection) {
      if (had) void fitView({ ...FIT_OPTIONS, duration });
      return;
    }
    const ids = new Set<string>();
    if (selection.kind === 'node') ids.add(`node/${selection.name}`);
    for (const c of topology.components) if (isRelated(selection, topology, c.id)) ids.add(c.id);
    for (const n of topology.nodes)
      if (isRelated(selection, topology, `pods/${n.name}` as never)) ids.add(`pods/${n.name}`);
    void fitView({ ...FIT_OPTIONS, nodes: [...ids].map((id) => ({ id })), maxZoom: 1, duration });
  }, [selection, topology, width, height, reducedMotion, fitView]);

  return null;
}
