/**
 * The bar above the panel under the diagram (events, messages, terminal): drag it, or focus it and
 * press ↑/↓ (Home/End for the extremes), to give the diagram or the panel more room.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Pixels a key press moves the bar. */
const STEP = 32;
export const PANEL_MIN = 80;

export function PanelResizer({
  height,
  max,
  onResize,
}: {
  /** The panel's height now, in CSS pixels. */
  height: number;
  /** The most it may take (the diagram keeps the rest). */
  max: number;
  onResize: (height: number) => void;
}) {
  const { t } = useTranslation();
  const drag = useRef<{ y: number; height: number } | null>(null);
  const clamp = (h: number) => Math.round(Math.min(Math.max(h, PANEL_MIN), Math.max(max, PANEL_MIN)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, height };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(clamp(drag.current.height - (e.clientY - drag.current.y)));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp'
        ? height + STEP
        : e.key === 'ArrowDown'
          ? height - STEP
          : e.key === 'Home'
            ? max
            : e.key === 'End'
              ? PANEL_MIN
              : null;
    if (next === null) return;
    // The page's own shortcuts must not hear it too.
    e.preventDefault();
    e.stopPropagation();
    onResize(clamp(next));
  };

  return (
    <div
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('layout.resizePanel')}
      aria-valuenow={Math.round(height)}
      aria-valuemin={PANEL_MIN}
      aria-valuemax={Math.round(Math.max(max, PANEL_MIN))}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
      className="group relative h-1.5 shrink-0 cursor-row-resize touch-none bg-slate-200 hover:bg-k8s/60 focus-visible:bg-k8s focus-visible:outline-none dark:bg-slate-700"
    >
      <span className="pointer-events-none absolute left-1/2 top-0 h-1.5 w-10 -translate-x-1/2 rounded-full bg-slate-400 group-hover:bg-white dark:bg-slate-500" />
    </div>
  );
}
