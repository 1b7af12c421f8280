/** A pod in the Details panel: its STATUS, node, IP, conditions, containers, YAML and Events, at the cursor. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pod } from '../../engine/api/types';
import { podStatus } from '../../store/clusterView';
import { focusSelection } from '../focusSelection';
import { POD_ICON } from '../icons/icons';
import { useActions, useAppStore } from '../storeContext';
import { CloseButton } from './CloseButton';
import { PodActions } from './ActionButtons';
import { ObjectEvents } from './ObjectEvents';
import { Conditions, Section } from './Section';
import { useLiveObjects } from './useLiveObjects';
import { YamlView } from './YamlView';
import { etcdKey } from '../../engine/api/resources';

export function PodDetails({ namespace, name }: { namespace: string; name: string }) {
  const { t } = useTranslation();
  const objects = useLiveObjects();
  const focusDetails = useAppStore((s) => s.focusDetails);
  const { select } = useActions();
  const heading = useRef<HTMLHeadingElement>(null);
  const pod = objects.get(etcdKey('Pod', namespace, name)) as Pod | undefined;

  useEffect(() => {
    heading.current?.closest('aside')?.scrollTo({ top: 0 });
    if (focusDetails) heading.current?.focus();
  }, [name, focusDetails]);

  const status = pod ? podStatus(pod) : null;
  const restarts = pod?.status.containerStatuses?.reduce((n, c) => n + c.restartCount, 0) ?? 0;
  return (
    <aside
      aria-label={t('inspector.region')}
      className="flex h-full flex-col overflow-y-auto bg-white text-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="sticky top-0 z-10 flex items-start gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <img src={POD_ICON} alt="" width={44} height={43} className="shrink-0" />
        <div className="min-w-0 flex-1">
          <h2
            ref={heading}
            tabIndex={-1}
            className="break-all font-mono text-lg font-bold leading-6 outline-none"
          >
            {name}
          </h2>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {t('inspector.podIn', { namespace })}
            {pod?.spec.nodeName && <> · {t('inspector.onNode', { node: pod.spec.nodeName })}</>}
          </p>
        </div>
        <CloseButton
          onClose={() => {
            select(null);
            focusSelection({ kind: 'pod', namespace, name });
          }}
        />
      </header>
      <div className="space-y-5 px-4 py-4 text-sm leading-6">
        {!pod ? (
          <p className="text-slate-500 dark:text-slate-400">{t('inspector.podGone')}</p>
        ) : (
          <>
            <Section title={t('inspector.status')}>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs" data-pod-summary>
                <dt className="text-slate-500 dark:text-slate-400">STATUS</dt>
                <dd data-status>{status}</dd>
                <dt className="text-slate-500 dark:text-slate-400">NODE</dt>
                <dd>{pod.spec.nodeName ?? '<none>'}</dd>
                <dt className="text-slate-500 dark:text-slate-400">IP</dt>
                <dd>{pod.status.podIP ?? '<none>'}</dd>
                <dt className="text-slate-500 dark:text-slate-400">RESTARTS</dt>
                <dd>{restarts}</dd>
              </dl>
            </Section>
            {!pod.metadata.deletionTimestamp && (
              <Section title={t('actions.title')}>
                <PodActions namespace={namespace} name={name} />
              </Section>
            )}
            {pod.status.conditions && pod.status.conditions.length > 0 && (
              <Section title={t('inspector.conditions')}>
                <Conditions conditions={pod.status.conditions} />
              </Section>
            )}
            <Section title={t('inspector.containers')}>
              <ul className="space-y-1 text-xs">
                {pod.spec.containers.map((c) => {
                  const s = pod.status.containerStatuses?.find((x) => x.name === c.name);
                  const state = s?.state.running
                    ? 'running'
                    : s?.state.waiting
                      ? `waiting: ${s.state.waiting.reason}`
                      : s?.state.terminated
                        ? `terminated: ${s.state.terminated.reason}`
                        : '—';
                  return (
                    <li key={c.name} className="font-mono">
                      <strong>{c.name}</strong> {c.image} — {state}
                    </li>
                  );
                })}
              </ul>
            </Section>
            <Section title={t('inspector.events')}>
              <ObjectEvents objects={objects} kind="Pod" namespace={namespace} name={name} />
            </Section>
            <Section title="YAML">
              <YamlView object={pod} />
            </Section>
          </>
        )}
      </div>
    </aside>
  );
}
