/** A Kubernetes node: a labelled box (a `group` named by the node's name) around its components and pods. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import { CONTROL_PLANE_ICON, NODE_ICON } from '../../icons/icons';
import { endpointUpAtCursor } from '../../../store/appStore';
import { useAppStore } from '../../storeContext';
import type { NodeBoxNode } from '../flowNodes';
import { nodeHeaderDomId } from '../../focusSelection';

const PILL = 'rounded-full px-2 py-0.5 text-[11px] font-semibold';

/** The node's STATUS as `kubectl get nodes` prints it, and its taints. */
function NodeStatus({
  off,
  registered,
  ready,
  unschedulable,
  taints,
}: {
  off: boolean;
  registered: boolean;
  ready: 'True' | 'False' | 'Unknown' | null;
  unschedulable: boolean;
  taints: readonly string[];
}) {
  const { t } = useTranslation();
  const status = !registered ? null : ready === 'True' ? 'Ready' : 'NotReady';
  return (
    <span className="pointer-events-none absolute right-3 top-3 flex items-center gap-1.5" data-status>
      {off && (
        <span
          className={`${PILL} bg-slate-700 text-white dark:bg-slate-200 dark:text-slate-900`}
          data-off-pill
        >
          {t('diagram.poweredOff')}
        </span>
      )}
      {status === null ? (
        <span className={`${PILL} bg-slate-200 text-slate-600 dark:bg-slate-700 dark:text-slate-300`}>
          {t('diagram.nodeJoining')}
        </span>
      ) : (
        <span
          className={`${PILL} ${status === 'Ready' ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/70 dark:text-emerald-200' : 'bg-red-100 text-red-800 dark:bg-red-900/70 dark:text-red-200'}`}
          title={ready === 'Unknown' ? t('diagram.nodeUnknown') : undefined}
        >
          {status}
          {unschedulable ? ',SchedulingDisabled' : ''}
        </span>
      )}
      {taints.length > 0 && (
        <span
          className={`${PILL} bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200`}
          title={taints.join('\n')}
        >
          {t('diagram.taints', { count: taints.length })}
        </span>
      )}
    </span>
  );
}

export const NodeBox = memo(function NodeBox({ data }: NodeProps<NodeBoxNode>) {
  const { node } = data;
  const { t } = useTranslation();
  const selected = useAppStore((s) => s.selection?.kind === 'node' && s.selection.name === node.name);
  const select = useAppStore((s) => s.select);
  const live = useAppStore((s) => s.view.nodes.get(node.name));
  const registered = live?.registered ?? false;
  // The machine is off (it lost power, or `minikube node stop`): nothing on it runs.
  const runtimeUp = useAppStore((s) => endpointUpAtCursor(s, `container-runtime/${node.name}`));
  const off = registered && !runtimeUp;
  const focused = useAppStore((s) => s.guide?.focus.has(node.name) ?? false);

  return (
    <div
      className={[
        'relative h-full w-full rounded-2xl border-2 transition-colors',
        registered
          ? 'bg-slate-100/70 dark:bg-slate-900/60'
          : 'border-dashed bg-slate-50/40 dark:bg-slate-950/40',
        live?.ready === 'True' || !registered
          ? selected
            ? 'border-k8s'
            : 'border-slate-300 dark:border-slate-600'
          : 'border-red-500 dark:border-red-500',
        focused ? 'outline-3 outline-offset-4 outline-amber-400 dark:outline-amber-300' : '',
        off
          ? 'opacity-70 [background-image:repeating-linear-gradient(135deg,transparent_0_10px,rgb(148_163_184/0.18)_10px_20px)]'
          : '',
      ].join(' ')}
      data-focus={focused || undefined}
      data-powered-off={off || undefined}
      data-node-status={
        !registered
          ? 'joining'
          : live?.ready === 'True'
            ? 'Ready'
            : live?.ready === 'Unknown'
              ? 'Unknown'
              : 'NotReady'
      }
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
      <NodeStatus
        off={off}
        registered={registered}
        ready={live?.ready ?? null}
        unschedulable={live?.unschedulable ?? false}
        taints={live?.taints ?? []}
      />
    </div>
  );
});
