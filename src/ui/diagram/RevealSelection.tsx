/**
 * Keeps the selected component in view and readable: when the Details panel opens over it, or
 * when the whole cluster was fitted so small (a phone) that its labels cannot be read.
 */

/** Below this zoom, card labels are too small to read; revealing zooms in to READABLE_ZOOM. */
const TINY_ZOOM = 0.45;
const READABLE_ZOOM = 0.8;
import { useEffect } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useAppStore } from '../storeContext';
import { useMediaQuery } from '../useMediaQuery';

export function RevealSelection() {
  const selection = useAppStore((s) => s.selection);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const { getInternalNode, getViewport, setCenter } = useReactFlow();

  useEffect(() => {
    if (!selection || width === 0 || height === 0) return;
    const node = getInternalNode(selection.kind === 'component' ? selection.id : `node/${selection.name}`);
    if (!node) return;
    const { x, y, zoom } = getViewport();
    const { x: nx, y: ny } = node.internals.positionAbsolute;
    const w = node.measured.width ?? node.width ?? 0;
    const h = node.measured.height ?? node.height ?? 0;
    const left = nx * zoom + x;
    const top = ny * zoom + y;
    const inView = left >= 0 && top >= 0 && left + w * zoom <= width && top + h * zoom <= height;
    const tiny = zoom < TINY_ZOOM && selection.kind === 'component';
    if (inView && !tiny) return;
    void setCenter(nx + w / 2, ny + h / 2, {
      zoom: tiny ? READABLE_ZOOM : zoom,
      duration: reducedMotion ? 0 : 250,
    });
  }, [selection, width, height, reducedMotion, getInternalNode, getViewport, setCenter]);

  return null;
}
