/** Things a learner can do from the Details panel; each forks the run at the cursor (see store/userActions). */
import { useTranslation } from 'react-i18next';
import type { UserAction } from '../../store/appStore';
import type { ControlPlaneComponent } from '../../engine/cluster';
import { manifestPlacesAt, nodeStoppedAt } from '../../store/userActions';
import { runsAtCursor } from '../../store/appStore';
import { useActions, useAppStore } from '../storeContext';

const BUTTON =
  'rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:border-k8s hover:text-k8s focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 dark:hover:text-blue-300';

function ActionButton({ action, label }: { action: UserAction; label: string }) {
  const { perform } = useActions();
  return (
    <button type="button" className={BUTTON} onClick={() => perform(action)}>
      {label}
    </button>
  );
}

export function NodeActions({
  node,
  controlPlane,
  cordoned,
}: {
  node: string;
  controlPlane: boolean;
  cordoned: boolean;
}) {
  const { t } = useTranslation();
  // Two primitive selections: a selector must not return a new object on every call.
  const kubelet = useAppStore((s) => nodeStoppedAt(s.actions, node, s.playback.virtualTime).kubelet);
  const machine = useAppStore((s) => nodeStoppedAt(s.actions, node, s.playback.virtualTime).machine);
  const stopped = { kubelet, machine };
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1.5" data-node-actions>
        {!stopped.machine &&
          (stopped.kubelet ? (
            <ActionButton action={{ type: 'startKubelet', node }} label={t('actions.startKubelet')} />
          ) : (
            <ActionButton action={{ type: 'stopKubelet', node }} label={t('actions.stopKubelet')} />
          ))}
        {!controlPlane &&
          (stopped.machine ? (
            <ActionButton action={{ type: 'startNode', node }} label={t('actions.startNode')} />
          ) : (
            <ActionButton action={{ type: 'stopNode', node }} label={t('actions.stopNode')} />
          ))}
        {cordoned ? (
          <ActionButton action={{ type: 'uncordon', node }} label={t('actions.uncordon')} />
        ) : (
          <ActionButton action={{ type: 'cordon', node }} label={t('actions.cordon')} />
        )}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('actions.hint')}</p>
    </div>
  );
}

/**
 * Stop or start a control-plane component as an operator does: its static pod's manifest leaves
 * /etc/kubernetes/manifests (or comes back), and kubelet stops (or starts) its container.
 */
export function ComponentActions({ component }: { component: ControlPlaneComponent }) {
  const { t } = useTranslation();
  // A primitive selection: where the manifest is (or null while it is in place).
  const place = useAppStore(
    (s) =>
      manifestPlacesAt(s.actions, s.playback.virtualTime, s.topology.nodes[0]?.name ?? 'minikube').get(
        component,
      ) ?? null,
  );
  // The manifest has left but kubelet has not stopped the process yet (it does so a moment later).
  const stillRunning = useAppStore((s) => place !== null && s.player !== null && runsAtCursor(s, component));
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1.5">
        {place === null ? (
          <ActionButton action={{ type: 'stopComponent', component }} label={t('actions.stopComponent')} />
        ) : (
          <ActionButton action={{ type: 'startComponent', component }} label={t('actions.startComponent')} />
        )}
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">
        {place === null
          ? t('actions.stopComponentHint', { file: `/etc/kubernetes/manifests/${component}.yaml` })
          : t('actions.startComponentHint', { file: place })}
      </p>
      {stillRunning && (
        <p className="text-xs font-medium text-amber-700 dark:text-amber-300" data-stopping>
          {t('actions.stoppingHint')}
        </p>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('actions.hint')}</p>
    </div>
  );
}

export function PodActions({ namespace, name }: { namespace: string; name: string }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-1.5">
        <ActionButton action={{ type: 'deletePod', namespace, name }} label={t('actions.deletePod')} />
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('actions.hint')}</p>
    </div>
  );
}
