/** The architecture diagram: React Flow for zoom, pan, fit and minimap; everything drawn comes from the layout. */
import { memo, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, MiniMap, Panel, ReactFlow, useReactFlow, type Node } from '@xyflow/react';
import { useAppStore } from '../storeContext';
import { toFlowNodes, type FlowNode } from './flowNodes';
import { layoutDiagram } from './layout';
import { Legend } from './Legend';
import { NODE_TYPES } from './nodeTypes';
import { RevealSelection } from './RevealSelection';

/** Room at the top for the legend's toggle, so fitting never hides the cluster under it. */
const FIT_OPTIONS = {
  padding: { top: '56px', left: '20px', right: '20px', bottom: '20px' },
  maxZoom: 1.1,
} as const;

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
      <RevealSelection />
      <Background gap={24} size={1} />
      <Controls showInteractive={false} position="bottom-left" />
      {!compact && (
        <MiniMap
          pannable
          zoomable
          position="bottom-right"
          nodeColor={minimapColor}
          style={{ width: 160, height: 110 }}
        />
      )}
      <Panel position="top-left">
        <Legend />
      </Panel>
    </ReactFlow>
  );
});
