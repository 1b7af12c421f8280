/** The architecture diagram: React Flow for zoom, pan, fit and minimap; everything drawn comes from the layout. */
import { memo, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import { notifyDrawn } from '../drawn';
import { useAppStore } from '../storeContext';
import { toFlowNodes, type FlowNode } from './flowNodes';
import { layoutDiagram } from './layout';
import { Legend } from './Legend';
import { NODE_TYPES } from './nodeTypes';
import { FitToSelection } from './FitToSelection';
import { PanToFocus } from './PanToFocus';
import { FIT_OPTIONS } from './fitOptions';
import { OverviewMap } from './OverviewMap';
import { FlightLayer } from './FlightLayer';

/** Says when the diagram has been committed to the page: the next frame paints it. */
function DrawnSignal() {
  useEffect(() => {
    const frame = requestAnimationFrame(notifyDrawn);
    return () => cancelAnimationFrame(frame);
  }, []);
  return null;
}

/**
 * Re-fits the view when the cluster's shape changes (nodes added or removed). Not on mount: the
 * flow's own initial fit does that, and a second one, queued until the cards are measured, could
 * land after the user's first zoom and undo it.
 */
function FitOnChange({ nodeCount }: { nodeCount: number }) {
  const { fitView } = useReactFlow();
  const shown = useRef(nodeCount);
  useEffect(() => {
    if (shown.current === nodeCount) return;
    shown.current = nodeCount;
    void fitView(FIT_OPTIONS);
  }, [nodeCount, fitView]);
  return null;
}

export const Diagram = memo(function Diagram({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const topology = useAppStore((s) => s.topology);
  const theme = useAppStore((s) => s.theme);
  const select = useAppStore((s) => s.select);
  const hasSelection = useAppStore((s) => s.selection !== null);
  const embed = useAppStore((s) => s.embed);
  const layout = useMemo(() => layoutDiagram(topology), [topology]);
  const nodes = useMemo<FlowNode[]>(() => toFlowNodes(layout), [layout]);
  const ariaLabelConfig = useMemo(
    () => ({
      'controls.ariaLabel': t('diagram.viewControls'),
      'controls.zoomIn.ariaLabel': t('diagram.zoomIn'),
      'controls.zoomOut.ariaLabel': t('diagram.zoomOut'),
      'controls.fitView.ariaLabel': t('diagram.fitView'),
      'minimap.ariaLabel': t('diagram.minimap'),
    }),
    [t],
  );

  return (
    <div className="relative h-full w-full">
      {/* Overlays come first in the DOM so Tab reaches them before the components. */}
      {/* As tall as the pane, so that an open Legend scrolls inside it rather than spilling over. */}
      <div className="group pointer-events-none absolute inset-3 z-10 flex items-start gap-3">
        <div className="pointer-events-auto flex max-h-full min-w-0 shrink-0">
          <Legend />
        </div>
        {/* An embed shows no Details, so it does not invite clicks for them. */}
        {!hasSelection && !embed && (
          // Hidden while the Legend is open: side by side they do not fit on a phone.
          <p className="mx-auto max-w-md rounded-full group-has-[details[open]]:hidden border border-slate-200 bg-white/95 px-4 py-1.5 text-center text-xs text-slate-700 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-200">
            {t(compact ? 'diagram.hintShort' : 'diagram.hint')}
          </p>
        )}
      </div>
      <ReactFlow
        aria-label={t('diagram.label')}
        nodes={nodes}
        edges={[]}
        nodeTypes={NODE_TYPES}
        colorMode={theme ?? 'system'}
        // The first fit is FitToSelection's, once the cards are measured: the whole cluster, or on a
        // phone the step's focus, or a selection (the flow's own would race it and win).
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.15}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        panActivationKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        onPaneClick={() => select(null)}
        disableKeyboardA11y
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <FitOnChange nodeCount={topology.nodes.length} />
        <DrawnSignal />
        <FitToSelection layout={layout} />
        <PanToFocus />
        <FlightLayer layout={layout} />
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {!compact && !hasSelection && <OverviewMap bounds={layout.bounds} />}
      </ReactFlow>
    </div>
  );
});
