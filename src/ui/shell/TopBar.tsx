/**
 * The title, the workflow picker, and the cluster, language and theme controls. On a phone the
 * latter fold behind a Settings button, so that the diagram keeps the height they would take.
 */
import { useTranslation } from 'react-i18next';
import { MAX_NODES, RUNTIMES, type RuntimeName } from '../../engine/clusterConfig';
import { LANGUAGES, WORKFLOWS, type Language, type Theme } from '../../store/appStore';
import { useAppStore } from '../storeContext';
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Select } from './Select';

const ShareDialog = lazy(() => import('../share/ShareDialog').then((m) => ({ default: m.ShareDialog })));

const NODE_COUNTS = Array.from({ length: MAX_NODES }, (_, i) => String(i + 1));

export function TopBar({ prefersDark }: { prefersDark: boolean }) {
  const { t } = useTranslation();
  // The machines the cluster has now: `minikube node add` and `node delete` in the terminal count.
  const nodeCount = useAppStore((s) => s.topology.nodes.length);
  const runtime = useAppStore((s) => s.config.runtime);
  const language = useAppStore((s) => s.language);
  const theme = useAppStore((s) => s.theme) ?? (prefersDark ? 'dark' : 'light');
  const setNodeCount = useAppStore((s) => s.setNodeCount);
  const setRuntime = useAppStore((s) => s.setRuntime);
  const setLanguage = useAppStore((s) => s.setLanguage);
  const setTheme = useAppStore((s) => s.setTheme);
  const workflow = useAppStore((s) => s.guide?.source ?? '');
  const workflowTitle = useAppStore((s) => s.guide?.scenario.title);
  const openWorkflow = useAppStore((s) => s.openWorkflow);
  const guided = workflow !== '';
  const [sharing, setSharing] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const settingsId = useId();
  const settingsButton = useRef<HTMLButtonElement>(null);
  // Esc folds the open Settings first (the last thing opened), before it closes Details: caught
  // on the way down, so the page's own Esc sees it handled.
  useEffect(() => {
    if (!settingsOpen) return;
    const onKey = (e: KeyboardEvent) => {
      // A dialog open over the page (Share, Manifest, shortcuts) closes itself first.
      if (e.key !== 'Escape' || e.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      e.preventDefault();
      setSettingsOpen(false);
      settingsButton.current?.focus();
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [settingsOpen]);
  const pick = (l: { en: string; zh: string }) => l[language] || l.en;
  const workflowOptions = [
    { value: '', label: t('guide.freePlay') },
    ...WORKFLOWS.map((w, i) => ({ value: w.id, label: `${i + 1}. ${pick(w.title)}` })),
    // A course author's own workflow, opened from its file.
    ...(guided && !WORKFLOWS.some((w) => w.id === workflow) && workflowTitle
      ? [{ value: workflow, label: pick(workflowTitle) }]
      : []),
  ];

  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-1.5 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-700 dark:bg-slate-900">
      <div className="mr-auto min-w-0">
        <h1 className="text-base font-bold leading-6 text-slate-900 dark:text-white">{t('app.title')}</h1>
        <p className="hidden text-xs text-slate-500 sm:block dark:text-slate-400">{t('app.tagline')}</p>
      </div>
      <button
        ref={settingsButton}
        type="button"
        aria-expanded={settingsOpen}
        aria-controls={settingsId}
        onClick={() => setSettingsOpen((open) => !open)}
        className="flex items-center gap-1 rounded-md border border-slate-300 px-2 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s sm:hidden dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        {t('controls.settingsToggle')}
        <span aria-hidden="true" className={settingsOpen ? 'rotate-180' : ''}>
          ▾
        </span>
      </button>
      <div className="flex w-full min-w-0 max-w-full sm:w-auto">
        <Select
          label={t('guide.workflow')}
          value={workflow}
          options={workflowOptions}
          onChange={(id) => openWorkflow(id === '' ? null : id)}
        />
      </div>
      <div
        id={settingsId}
        role="group"
        aria-label={t('controls.settings')}
        className={`${settingsOpen ? 'flex' : 'hidden'} min-w-0 max-w-full flex-wrap items-center gap-x-4 gap-y-1.5 sm:flex`}
      >
        <Select
          label={t('controls.nodes')}
          value={String(nodeCount)}
          options={NODE_COUNTS.map((n) => ({ value: n, label: n }))}
          onChange={(n) => setNodeCount(Number(n))}
          disabled={guided}
          {...(guided ? { title: t('controls.nodesSetByWorkflow') } : {})}
        />
        <Select<RuntimeName>
          label={t('controls.runtime')}
          value={runtime}
          options={RUNTIMES.map((r) => ({ value: r, label: r }))}
          onChange={setRuntime}
        />
        <Select<Language>
          label={t('controls.language')}
          value={language}
          options={LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          onChange={setLanguage}
        />
        <Select<Theme>
          label={t('controls.theme')}
          value={theme}
          options={[
            { value: 'light', label: t('controls.themeLight') },
            { value: 'dark', label: t('controls.themeDark') },
          ]}
          onChange={setTheme}
        />
        <button
          type="button"
          onClick={() => setSharing(true)}
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {t('share.open')}
        </button>
      </div>
      {sharing && (
        <Suspense fallback={null}>
          <ShareDialog onClose={() => setSharing(false)} />
        </Suspense>
      )}
    </header>
  );
}
