/** A component in the diagram: a button with the official icon, the real name and a few words on its job. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import { componentIcon } from '../../icons/icons';
import { useAppStore } from '../../storeContext';
import { isRelated, isSelected } from '../../selection';
import type { ComponentCardNode } from '../flowNodes';
import { componentTextKey } from '../textKey';
import type { ControlPlaneComponent } from '../../../engine/cluster';
import { isControlPlaneComponent } from '../../../store/userActions';
import { dashboardRunsAtCursor, endpointUpAtCursor, runsAtCursor } from '../../../store/appStore';

/** Where the bar's name is written again, every BAR_LABEL_EVERY px after the first, short of the end. */
const BAR_LABEL_EVERY = 420;
const repeatAt = (width: number): number[] => {
  const at: number[] = [];
  for (let x = BAR_LABEL_EVERY; x + 160 < width; x += BAR_LABEL_EVERY) at.push(x);
  return at;
};

/** The processes that run on a node (not in the control plane's static pods). */
const NODE_PROCESSES: ReadonlySet<string> = new Set(['kubelet', 'kube-proxy', 'container-runtime']);
/** How many pods wait for kube-scheduler to choose them a node. */
function WaitingPods() {
  const { t } = useTranslation();
  const waiting = useAppStore((s) => s.view.unscheduled.length);
  if (!waiting) return null;
  return (
    <span
      className="whitespace-nowrap rounded-full border border-amber-300 bg-amber-100 px-1.5 text-[11px] font-semibold text-amber-800 dark:border-amber-700 dark:bg-amber-900 dark:text-amber-200"
      data-waiting={waiting}
    >
      {t('diagram.waitingPods', { count: waiting })}
    </span>
  );
}

/**
 * A control-plane component whose process is not running at the cursor. It follows the process,
 * not the manifest: kubelet stops the container a moment after the manifest leaves
 * /etc/kubernetes/manifests, and starts it a moment after it comes back.
 */
function Stopped({ component }: { component: ControlPlaneComponent }) {
  const stopped = useAppStore((s) => !runsAtCursor(s, component));
  return stopped ? <StoppedBadge /> : null;
}

function StoppedBadge() {
  const { t } = useTranslation();
  return (
    <span
      className="whitespace-nowrap rounded-full bg-slate-700 px-1.5 text-[11px] font-semibold text-white dark:bg-slate-200 dark:text-slate-900"
      data-stopped
    >
      {t('diagram.stopped')}
    </span>
  );
}

/**
 * A node's kubelet, kube-proxy or runtime whose process is not running at the cursor (kubelet
 * stopped, or the whole machine off), once the node has joined.
 */
function NodeProcessStopped({ id, node }: { id: string; node: string }) {
  const stopped = useAppStore(
    (s) => (s.view.nodes.get(node)?.registered ?? false) && !endpointUpAtCursor(s, id),
  );
  return stopped ? <StoppedBadge /> : null;
}

/** The Dashboard while minikube has not enabled it: drawn, since the addon exists, but marked off. */
function AddonOff() {
  const { t } = useTranslation();
  const off = useAppStore((s) => !dashboardRunsAtCursor(s));
  if (!off) return null;
  return (
    <span
      className="whitespace-nowrap rounded-full border border-slate-400 bg-slate-100 px-1.5 text-[11px] font-semibold text-slate-600 dark:border-slate-500 dark:bg-slate-800 dark:text-slate-300"
      data-off
      title={t('diagram.addonOffHint')}
    >
      {t('diagram.addonOff')}
    </span>
  );
}

export const ComponentCard = memo(function ComponentCard({ data }: NodeProps<ComponentCardNode>) {
  const { component, domId, box } = data;
  const { t } = useTranslation();
  const runtime = useAppStore((s) => s.config.runtime);
  const selected = useAppStore((s) => isSelected(s.selection, s.topology, component.id));
  const related = useAppStore((s) => isRelated(s.selection, s.topology, component.id));
  const dimmed = useAppStore((s) => s.selection !== null && s.selection.kind !== 'pod') && !related;
  // A workflow step points at the components it is about.
  const focused = useAppStore((s) => s.guide?.focus.has(component.id) ?? false);
  const select = useAppStore((s) => s.select);
  const addon = component.placement === 'addon';
  const label = component.node ? `${component.name} ${component.node}` : component.name;

  return (
    <>
      {component.placement === 'outside' && (
        <span className="pointer-events-none absolute -top-6 left-0 text-xs font-medium text-slate-500 dark:text-slate-400">
          {t('diagram.outside')}
        </span>
      )}
      <button
        id={domId}
        type="button"
        aria-label={label}
        aria-pressed={selected}
        data-kind={component.kind}
        data-focus={focused || undefined}
        onClick={(e) =>
          select(selected ? null : { kind: 'component', id: component.id }, { fromKeyboard: e.detail === 0 })
        }
        className={[
          'nodrag nopan pointer-events-auto relative flex h-full w-full items-center gap-3 rounded-xl border bg-white px-3 text-left shadow-sm transition-colors',
          'hover:border-k8s hover:shadow-md focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-k8s',
          'dark:bg-slate-800',
          selected
            ? 'border-k8s ring-4 ring-k8s/30'
            : related
              ? 'border-k8s/70'
              : 'border-slate-300 dark:border-slate-600',
          dimmed ? 'opacity-45' : '',
          focused && !selected ? 'outline-3 outline-offset-2 outline-amber-400 dark:outline-amber-300' : '',
        ].join(' ')}
      >
        <img
          src={componentIcon(component.kind, runtime)}
          alt=""
          width={36}
          height={35}
          className="shrink-0"
          draggable={false}
        />
        <span className="min-w-0 flex-1">
          <span
            className="block truncate font-mono text-[13px] font-semibold text-slate-900 dark:text-slate-50"
            data-label
          >
            {component.name}
          </span>
          <span className="block truncate text-xs text-slate-500 dark:text-slate-400" data-short>
            {t(`components.${componentTextKey(component, runtime)}.short`)}
          </span>
        </span>
        {/* kube-apiserver's bar spans the control plane: zoomed in on a part of it, its name is still in sight. */}
        {component.kind === 'kube-apiserver' &&
          repeatAt(box.w).map((x) => (
            <span
              key={x}
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 -translate-y-1/2 font-mono text-[13px] font-semibold text-slate-400 dark:text-slate-500"
              style={{ left: x }}
              data-bar-label
            >
              {component.name}
            </span>
          ))}
        {/* On the card's top edge, so that the badges (Stopped, 2 Pending) leave the name its room. */}
        <span className="absolute -top-2.5 right-2 flex gap-1 empty:hidden">
          {isControlPlaneComponent(component.kind) && <Stopped component={component.kind} />}
          {component.node && NODE_PROCESSES.has(component.kind) && (
            <NodeProcessStopped id={component.id} node={component.node} />
          )}
          {component.kind === 'kube-scheduler' && <WaitingPods />}
          {component.kind === 'dashboard' && <AddonOff />}
        </span>
        {addon && (
          <span className="shrink-0 rounded-full border border-dashed border-amber-500 px-1.5 text-[10px] font-medium uppercase tracking-wide text-amber-700 dark:text-amber-300">
            {t('diagram.addonBadge')}
          </span>
        )}
      </button>
    </>
  );
});
