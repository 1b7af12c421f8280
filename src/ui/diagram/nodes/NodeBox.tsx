/** A Kubernetes node: a labelled box (a `group` named by the node's name) around its components and pods. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import { CONTROL_PLANE_ICON, NODE_ICON } from '../../icons/icons';
import { useAppStore } from '../../storeContext';
import type { NodeBoxNode } from '../flowNodes';
import { nodeHeaderDomId } from '../../focusSelection';

export const NodeBox = memo(function NodeBox({ data }: NodeProps<NodeBoxNode>) {
  const { node } = data;
  const { t } = useTranslation();
  const selected = useAppStore((s) => s.selection?.kind === 'node' && s.selection.name === node.name);
  const select = useAppStore((s) => s.select);

  return (
    <div
      className={[
        'h-full w-full rounded-2xl border-2 bg-slate-100/70 dark:bg-slate-900/60',
        selected ? 'border-k8s' : 'border-slate-300 dark:border-slate-600',
      ].join(' ')}
    >
      <button
        id={nodeHeaderDomId(node.name)}
        type="button"
        aria-label={t('diagram.aboutNode', { node: node.name })}
        aria-pressed={selected}
        onClick={(e) =>
          select(selected ? null : { kind: 'node', name: node.name }, { fromKeyboard: e.detail === 0 })
        }
        className="nodrag nopan pointer-events-auto m-1.5 flex items-center gap-2 rounded-lg px-2 py-1 text-left hover:bg-slate-200/80 focus-visible:outline-3 focus-visible:outline-k8s dark:hover:bg-slate-800"
      >
        <img
          src={node.controlPlane ? CONTROL_PLANE_ICON : NODE_ICON}
          alt=""
          width={26}
          height={25}
          draggable={false}
        />
        <span className="font-mono text-sm font-bold text-slate-900 dark:text-slate-50">{node.name}</span>
        <span className="rounded-full bg-slate-200 px-2 py-0.5 text-[11px] font-medium text-slate-600 dark:bg-slate-700 dark:text-slate-300">
          {node.controlPlane ? t('diagram.roleBoth') : t('diagram.roleWorker')}
        </span>
      </button>
    </div>
  );
});
