/** The Details panel: what the selected component or node is, whom it talks to, how it runs, and commands that show it. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { focusSelection } from '../focusSelection';
import { useAppStore } from '../storeContext';
import { isControlPlaneComponent } from '../../store/userActions';
import { ComponentActions } from './ActionButtons';
import { CommandLine } from './CommandLine';
import { CloseButton } from './CloseButton';
import { ControllerLoops } from './ControllerLoops';
import { NodeLive } from './NodeLive';
import { PodDetails } from './PodDetails';
import { SchedulerDecisions } from './SchedulerDecisions';
import { Section } from './Section';
import { useComponentDetails, useInspected, type Category } from './useInspected';

const BADGE = 'rounded-full px-2 py-0.5 text-[11px] font-medium';

const CATEGORY_STYLES: Record<Category, string> = {
  controlPlaneComponent: 'bg-blue-100 text-blue-800 dark:bg-blue-900/60 dark:text-blue-200',
  nodeComponent: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900/60 dark:text-indigo-200',
  addon: 'border border-dashed border-amber-500 text-amber-700 dark:text-amber-300',
  client: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
};

export function Inspector() {
  useComponentDetails();
  const selection = useAppStore((s) => s.selection);
  if (selection?.kind === 'pod') return <PodDetails namespace={selection.namespace} name={selection.name} />;
  return <ComponentInspector />;
}

function ComponentInspector() {
  const { t } = useTranslation();
  const inspected = useInspected();
  const select = useAppStore((s) => s.select);
  const selection = useAppStore((s) => s.selection);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = inspected?.title;
  const node = inspected?.node;

  const focusDetails = useAppStore((s) => s.focusDetails);

  // A new selection moves the reading position to the top of the panel, and focus there when chosen from the keyboard.
  useEffect(() => {
    heading.current?.closest('aside')?.scrollTo({ top: 0 });
    if (focusDetails) heading.current?.focus();
  }, [title, node, focusDetails]);

  if (!inspected) return null;
  const { text } = inspected;
  const runsAsLabel =
    inspected.runsAs === 'container'
      ? t('inspector.runsInContainer')
      : inspected.runsAs === 'host'
        ? t('inspector.runsOnHost')
        : inspected.runsAs === 'outside'
          ? t('inspector.runsOutside')
          : null;

  return (
    <aside
      aria-label={t('inspector.region')}
      className="flex h-full flex-col overflow-y-auto bg-white text-slate-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <header className="sticky top-0 z-10 flex items-start gap-3 border-b border-slate-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-slate-700 dark:bg-slate-900/95">
        <img src={inspected.icon} alt="" width={44} height={43} className="shrink-0" />
        <div className="min-w-0 flex-1">
          <h2
            ref={heading}
            tabIndex={-1}
            className="break-words font-mono text-lg font-bold leading-6 outline-none"
          >
            {inspected.title}
          </h2>
          <p className="text-sm text-slate-500 dark:text-slate-400">
            {text.short}
            {inspected.node && <> · {t('inspector.onNode', { node: inspected.node })}</>}
          </p>
          <div className="mt-1.5 flex flex-wrap gap-1.5">
            {inspected.category && (
              <span className={`${BADGE} ${CATEGORY_STYLES[inspected.category]}`}>
                {t(`inspector.${inspected.category}`)}
              </span>
            )}
            {runsAsLabel && (
              <span className={`${BADGE} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}>
                {runsAsLabel}
              </span>
            )}
          </div>
        </div>
        <CloseButton
          onClose={() => {
            select(null);
            focusSelection(selection);
          }}
        />
      </header>

      <div className="space-y-5 px-4 py-4 text-sm leading-6">
        <p className="rounded-lg border-l-4 border-k8s bg-blue-50 px-3 py-2 dark:bg-blue-950/50">
          <span className="text-slate-600 dark:text-slate-300">{t('inspector.analogy')}</span>
          <strong className="font-semibold">{text.analogy}</strong>
        </p>
        {selection?.kind === 'node' && <NodeLive name={selection.name} />}
        {selection?.kind === 'component' && isControlPlaneComponent(selection.id) && (
          <Section title={t('actions.title')}>
            <ComponentActions component={selection.id} />
          </Section>
        )}
        {selection?.kind === 'component' && selection.id === 'kube-scheduler' && (
          <Section title={t('inspector.decisions')}>
            <SchedulerDecisions />
          </Section>
        )}
        {selection?.kind === 'component' && selection.id === 'kube-controller-manager' && (
          <Section title={t('inspector.loops')}>
            <ControllerLoops />
          </Section>
        )}
        <Section title={t('inspector.role')}>
          <p>{text.role}</p>
        </Section>
        <Section title={t('inspector.talksTo')}>
          <ul className="list-disc space-y-1 pl-5 marker:text-k8s">
            {text.talksTo.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </Section>
        <Section title={t('inspector.neverTalksTo')}>
          <p>{text.neverTalksTo}</p>
        </Section>
        <Section title={t('inspector.runsAs')}>
          <p>{text.runsAs}</p>
        </Section>
        <Section title={t('inspector.commands')}>
          <ul className="space-y-3">
            {text.commands.map((c) => (
              <CommandLine key={c.cmd} cmd={c.cmd} says={c.says} />
            ))}
          </ul>
        </Section>
      </div>
    </aside>
  );
}
