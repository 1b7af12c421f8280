/** Keeps the selected component in view, e.g. when the Details panel opens over the part of the diagram it was in. */
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
    if (!inView) void setCenter(nx + w / 2, ny + h / 2, { zoom, duration: reducedMotion ? 0 : 250 });
  }, [selection, width, height, reducedMotion, getInternalNode, getViewport, setCenter]);

  return null;
}
