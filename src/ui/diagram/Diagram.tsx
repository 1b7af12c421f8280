/** The architecture diagram: React Flow for zoom, pan, fit and minimap; everything drawn comes from the layout. */
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Node } from '@xyflow/react';
import { useAppStore } from '../storeContext';
import { toFlowNodes, type FlowNode } from './flowNodes';
import { layoutDiagram } from './layout';
import { Legend } from './Legend';
import { NODE_TYPES } from './nodeTypes';
import { FitToSelection } from './FitToSelection';
import { FIT_OPTIONS } from './fitOptions';

const MINIMAP_COLORS: Partial<Record<string, string>> = {
  k8sNode: '#94a3b8',
  zone: '#cbd5e1',
  component: '#326ce5',
  pods: '#a7f3d0',
};
const minimapColor = (node: Node) => MINIMAP_COLORS[node.type ?? ''] ?? 'transparent';

/** Re-fits the view when the cluster's shape changes (nodes added or removed). */
function FitOnChange({ nodeCount }: { nodeCount: number }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
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
  const nodes = useMemo<FlowNode[]>(() => toFlowNodes(layoutDiagram(topology)), [topology]);
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
      <div className="pointer-events-none absolute inset-x-3 top-3 z-10 flex items-start gap-3">
        <div className="pointer-events-auto">
          <Legend />
        </div>
        {!hasSelection && (
          <p className="mx-auto max-w-md rounded-full border border-slate-200 bg-white/95 px-4 py-1.5 text-center text-xs text-slate-700 shadow-sm dark:border-slate-700 dark:bg-slate-900/95 dark:text-slate-200">
            {t('diagram.hint')}
          </p>
        )}
      </div>
      <ReactFlow
        aria-label={t('diagram.label')}
        nodes={nodes}
        edges={[]}
        nodeTypes={NODE_TYPES}
        colorMode={theme ?? 'system'}
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.15}
        maxZoom={2.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        onPaneClick={() => select(null)}
        disableKeyboardA11y
        ariaLabelConfig={ariaLabelConfig}
        proOptions={{ hideAttribution: true }}
      >
        <FitOnChange nodeCount={topology.nodes.length} />
        <FitToSelection />
        <Background gap={24} size={1} />
        <Controls showInteractive={false} position="bottom-left" />
        {!compact && !hasSelection && (
          <MiniMap
            pannable
            zoomable
            position="bottom-right"
            nodeColor={minimapColor}
            style={{ width: 160, height: 110 }}
          />
        )}
      </ReactFlow>
    </div>
  );
});
