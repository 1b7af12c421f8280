/**
 * Keyboard focus never lands out of sight: when Tab brings focus to a component, node or pod the
 * view does not show (the diagram is framed on a step or a selection), the view pans to it, at the
 * same zoom.
 */
import { useEffect } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useMediaQuery } from '../useMediaQuery';

/** How far inside the pane's edges a focused element must lie to count as in sight (px). */
const MARGIN = 8;

export function PanToFocus() {
  const domNode = useFlowStore((s) => s.domNode);
  const { setCenter, getZoom, screenToFlowPosition } = useReactFlow();
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  useEffect(() => {
    if (!domNode) return;
    const onFocus = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      if (!target.closest('.react-flow__node')) return;
      const pane = domNode.getBoundingClientRect();
      const box = target.getBoundingClientRect();
      const inside =
        box.left >= pane.left + MARGIN &&
        box.right <= pane.right - MARGIN &&
        box.top >= pane.top + MARGIN &&
        box.bottom <= pane.bottom - MARGIN;
      if (inside) return;
      const at = screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
      void setCenter(at.x, at.y, { zoom: getZoom(), duration: reducedMotion ? 0 : 200 });
    };
    domNode.addEventListener('focusin', onFocus);
    return () => domNode.removeEventListener('focusin', onFocus);
  }, [domNode, setCenter, getZoom, screenToFlowPosition, reducedMotion]);
  return null;
}
