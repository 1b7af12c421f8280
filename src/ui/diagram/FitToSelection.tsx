/**
 * Frames what matters: on selection, the selected component with every peer it talks to, in the
 * space the Details panel leaves; when the selection is cleared, the whole cluster again, except
 * on a narrow diagram (a phone), where the whole cluster is too small to read and a workflow
 * step's focus is framed instead.
 */
import { useEffect, useRef } from 'react';
import { useNodesInitialized, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import type { Selection } from '../../store/appStore';
import { useAppStore } from '../storeContext';
import type { DiagramLayout } from './layout';
import { focusFrame, selectionFrame } from './selectionFrame';
import { useMediaQuery } from '../useMediaQuery';
import { FIT_OPTIONS } from './fitOptions';
import type { Box } from './geometry';

/**
 * The closest a selection brings the diagram. On a wide diagram 0.65: every card still readable,
 * and around a small frame (kube-scheduler and its one line to kube-apiserver) enough of the
 * cluster to keep one's bearings. A narrow one (both side panels open at 1280 px, a phone) comes
 * closer, up to 0.9, so that a card's 13-px name stays about 11 px rather than 8.
 */
export function maxFrameZoom(width: number): number {
  const narrowness = Math.min(Math.max((WIDE_PX - width) / (WIDE_PX - NARROW_PX), 0), 1);
  return 0.65 + 0.25 * narrowness;
}
const WIDE_PX = 900;
const NARROW_PX = 500;
/** Below this width the whole cluster at fit is too small to read: a step's focus is framed instead. */
const FOCUS_FRAME_PX = 640;
/** The size of the overlays along the diagram's top edge (the Legend button, the hint) and left edge (zoom buttons). */
const OVERLAY_PX = 44;

/**
 * A frame grown around its centre to the view's size at MAX_SELECTION_ZOOM, then moved, as far as
 * it fits, onto the diagram rather than the empty space around it.
 */
function grownFrame(
  frame: Box,
  bounds: Box,
  width: number,
  height: number,
): { x: number; y: number; width: number; height: number } {
  const zoom = maxFrameZoom(width);
  const w = Math.max(frame.w, width / zoom);
  const h = Math.max(frame.h, height / zoom);
  const onto = (start: number, size: number, lo: number, span: number) =>
    size >= span ? lo + span / 2 - size / 2 : Math.min(Math.max(start, lo), lo + span - size);
  return {
    x: onto(frame.x + frame.w / 2 - w / 2, w, bounds.x, bounds.w),
    y: onto(frame.y + frame.h / 2 - h / 2, h, bounds.y, bounds.h),
    width: w,
    height: h,
  };
}

export function FitToSelection({ layout }: { layout: DiagramLayout }) {
  const selection = useAppStore((s) => s.selection);
  const focus = useAppStore((s) => s.guide?.focus);
  const topology = useAppStore((s) => s.topology);
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const reducedMotion = useMediaQuery('(prefers-reduced-motion: reduce)');
  const { fitView, fitBounds } = useReactFlow();
  const previous = useRef<Selection | null>(null);
  const previousFocus = useRef<ReadonlySet<string> | undefined>(undefined);
  // Set once the user pans, zooms or clicks in the diagram: a view they chose is not re-fitted
  // when the pane resizes. Cleared when a deselection fits the whole cluster again.
  const userMoved = useRef(false);
  const domNode = useFlowStore((s) => s.domNode);
  useEffect(() => {
    if (!domNode) return;
    const moved = () => {
      userMoved.current = true;
    };
    domNode.addEventListener('wheel', moved, { passive: true });
    domNode.addEventListener('pointerdown', moved);
    return () => {
      domNode.removeEventListener('wheel', moved);
      domNode.removeEventListener('pointerdown', moved);
    };
  }, [domNode]);

  // The first fit waits for the cards to be measured, and does not animate.
  const initialized = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (width === 0 || height === 0 || !initialized) return;
    const duration = reducedMotion || !fitted.current ? 0 : 300;
    fitted.current = true;
    const had = previous.current;
    previous.current = selection;
    const focusChanged = previousFocus.current !== focus;
    previousFocus.current = focus;
    const framed = selection
      ? selectionFrame(layout, topology, selection)
      : width < FOCUS_FRAME_PX && focus
        ? focusFrame(layout, focus)
        : undefined;
    if (!framed) {
      // On deselection, and when the pane changes size (Details or the terminal opening or closing)
      // unless the user has moved the view since.
      if (had || !userMoved.current) void fitView({ ...FIT_OPTIONS, duration: had ? duration : 0 });
      if (had) userMoved.current = false;
      return;
    }
    // A step's frame, like the whole cluster's, is not forced back on a view the user moved when
    // only the pane's size changed.
    if (!selection && !had && !focusChanged && userMoved.current) return;
    if (!selection) userMoved.current = false;
    const rect = grownFrame(framed, layout.bounds, width, height);
    // Room above it for the Legend and the hint, and left of it for the zoom buttons.
    const above = rect.height * (OVERLAY_PX / height);
    const left = rect.width * (OVERLAY_PX / width);
    void fitBounds(
      { x: rect.x - left, y: rect.y - above, width: rect.width + left, height: rect.height + above },
      { padding: 0.06, duration },
    );
  }, [selection, focus, topology, layout, width, height, reducedMotion, fitView, fitBounds, initialized]);

  return null;
}
