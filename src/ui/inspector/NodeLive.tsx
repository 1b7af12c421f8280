/** A node at the cursor: its STATUS, conditions, taints, capacity, pods, Events and YAML. */
import { useTranslation } from 'react-i18next';
import type { Node } from '../../engine/api/types';
import { etcdKey } from '../../engine/api/resources';
import { useActions, useAppStore } from '../storeContext';
import { TONE_CLASSES } from '../diagram/nodes/PodsArea';
import { NodeActions } from './ActionButtons';
import { ObjectEvents } from './ObjectEvents';
import { Conditions, Section } from './Section';
import { useLiveObjects } from './useLiveObjects';
import { YamlView } from './YamlView';

export function NodeLive({ name }: { name: string }) {
  const { t } = useTranslation();
  const objects = useLiveObjects();
  const view = useAppStore((s) => s.view.nodes.get(name));
  const { select } = useActions();
  const node = objects.get(etcdKey('Node', undefined, name)) as Node | undefined;
  if (!node)
    return (
      <Section title={t('inspector.status')}>
        <p className="text-slate-500 dark:text-slate-400" data-node-live="joining">
          {t('inspector.nodeNotRegistered')}
        </p>
      </Section>
    );
  const ready = node.status.conditions.find((c) => c.type === 'Ready');
  const controlPlane = node.metadata.labels?.['node-role.kubernetes.io/control-plane'] !== undefined;
  const status = `${ready?.status === 'True' ? 'Ready' : 'NotReady'}${node.spec.unschedulable ? ',SchedulingDisabled' : ''}`;
  return (
    <>
      <Section title={t('inspector.status')}>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 font-mono text-xs" data-node-live={status}>
          <dt className="text-slate-500 dark:text-slate-400">STATUS</dt>
          <dd>{status}</dd>
          <dt className="text-slate-500 dark:text-slate-400">CPU</dt>
          <dd>{node.status.allocatable.cpu}</dd>
          <dt className="text-slate-500 dark:text-slate-400">MEMORY</dt>
          <dd>{node.status.allocatable.memory}</dd>
          <dt className="text-slate-500 dark:text-slate-400">PODS</dt>
          <dd>{node.status.allocatable.pods}</dd>
          <dt className="text-slate-500 dark:text-slate-400">TAINTS</dt>
          <dd>
            {(node.spec.taints ?? [])
              .map((x) => `${x.key}${x.value ? `=${x.value}` : ''}:${x.effect}`)
              .join(', ') || '<none>'}
          </dd>
        </dl>
      </Section>
      <Section title={t('actions.title')}>
        <NodeActions node={name} controlPlane={controlPlane} cordoned={node.spec.unschedulable === true} />
      </Section>
      <Section title={t('inspector.conditions')}>
        <Conditions conditions={node.status.conditions} />
      </Section>
      {view && (view.pods.length > 0 || view.systemPods > 0) && (
        <Section title={t('inspector.podsOnNode')}>
          <ul className="flex flex-wrap gap-1">
            {view.pods.map((p) => (
              <li key={`${p.namespace}/${p.name}`}>
                <button
                  type="button"
                  className={`rounded border border-l-4 px-1 font-mono text-[11px] ${TONE_CLASSES[p.tone]}`}
                  onClick={() => select({ kind: 'pod', namespace: p.namespace, name: p.name })}
                >
                  {p.name} · {p.status}
                </button>
              </li>
            ))}
          </ul>
          {view.systemPods > 0 && (
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {t('inspector.systemPods', { count: view.systemPods })}
            </p>
          )}
        </Section>
      )}
      <Section title={t('inspector.events')}>
        <ObjectEvents objects={objects} kind="Node" name={name} />
      </Section>
      <Section title="YAML">
        <YamlView object={node} />
      </Section>
    </>
  );
}
