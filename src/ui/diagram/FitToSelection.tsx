/**
 * Frames what matters: on selection, the selected component with every peer it talks to, in the
 * space the Details panel leaves; when the selection is cleared, the whole cluster again.
 */
import { useEffect, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import type { Selection } from '../../store/appStore';
import { useAppStore } from '../storeContext';
import type { DiagramLayout } from './layout';
import { selectionFrame } from './selectionFrame';
import { useMediaQuery } from '../useMediaQuery';
import { FIT_OPTIONS } from './fitOptions';

export function FitToSelection({ layout }: { layout: DiagramLayout }) {
  const selection = useAppStore((s) => s.selection);
  const topology = useAppStore((s) => s.topology);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const { fitView, fitBounds } = useReactFlow();
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
    // Never closer than 1:1: a small frame grows around its centre to the view's size.
    const frame = selectionFrame(layout, topology, selection);
    const w = Math.max(frame.w, width * 0.85);
    const h = Math.max(frame.h, height * 0.85);
    const x = frame.x + frame.w / 2 - w / 2;
    const y = frame.y + frame.h / 2 - h / 2;
    void fitBounds({ x, y, width: w, height: h }, { padding: 0.06, duration });
  }, [selection, topology, layout, width, height, reducedMotion, fitView, fitBounds]);

  return null;
}
