/** The page: top bar, notices, the diagram with the Details panel beside it, playback and the event log below. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider } from '@xyflow/react';
import { Diagram } from '../ui/diagram/Diagram';
import { EventLog } from '../ui/eventlog/EventLog';
import { PlaybackBar } from '../ui/timeline/PlaybackBar';
import { Notices } from '../ui/shell/Notices';
import { TopBar } from '../ui/shell/TopBar';
import { useShortcuts } from '../ui/shell/useShortcuts';
import { useAppStore } from '../ui/storeContext';
import { useMediaQuery } from '../ui/useMediaQuery';

// Loaded when first needed: the Details panel on the first selection, the shortcuts on the first `?`.
const Inspector = lazy(() => import('../ui/inspector/Inspector').then((m) => ({ default: m.Inspector })));
const Narration = lazy(() => import('../ui/narration/Narration').then((m) => ({ default: m.Narration })));
const ShortcutsDialog = lazy(() =>
  import('../ui/shell/ShortcutsDialog').then((m) => ({ default: m.ShortcutsDialog })),
);

export function App() {
  const hasSelection = useAppStore((s) => s.selection !== null);
  const theme = useAppStore((s) => s.theme);
  const shortcutsOpen = useAppStore((s) => s.shortcutsOpen);
  const guided = useAppStore((s) => s.guide !== null);
  const embed = useAppStore((s) => s.embed);
  const terminal = useAppStore((s) => s.panel === 'terminal');
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const wide = useMediaQuery('(min-width: 768px)');
  const tall = useMediaQuery('(min-height: 640px)');
  const dark = (theme ?? (prefersDark ? 'dark' : 'light')) === 'dark';
  useShortcuts();

  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  if (embed) return <EmbeddedApp wide={wide} guided={guided} />;

  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <TopBar prefersDark={prefersDark} />
      <Notices />
      {wide ? (
        <main className="flex min-h-0 flex-1 flex-row">
          {guided && (
            <div className="w-[340px] shrink-0 border-r border-slate-200 dark:border-slate-700">
              <Suspense fallback={null}>
                <Narration />
              </Suspense>
            </div>
          )}
          <div className="flex min-h-0 min-w-0 flex-1 flex-col">
            <div className="min-h-0 flex-1">
              <ReactFlowProvider>
                <Diagram compact={false} />
              </ReactFlowProvider>
            </div>
            <PlaybackBar />
            <div
              className={`${terminal ? (!wide ? 'h-[50%]' : tall ? 'h-[38%] min-h-56' : 'h-[45%]') : tall ? 'h-44' : 'h-28'} shrink-0 border-t border-slate-200 dark:border-slate-700`}
            >
              <EventLog />
            </div>
          </div>
          {hasSelection && (
            <div className="w-[400px] shrink-0 border-l border-slate-200 shadow-lg dark:border-slate-700">
              <Suspense fallback={null}>
                <Inspector />
              </Suspense>
            </div>
          )}
        </main>
      ) : (
        <PhoneLayout guided={guided} hasSelection={hasSelection} />
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
    </div>
  );
}

type PhonePanel = 'guide' | 'log' | 'details';

/**
 * A phone in portrait: the diagram and playback on top, and the panels folded into tabs below —
 * the workflow's narration, the event log, and Details while something is selected.
 */
function PhoneLayout({ guided, hasSelection }: { guided: boolean; hasSelection: boolean }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PhonePanel>(guided ? 'guide' : 'log');
  const terminal = useAppStore((s) => s.panel === 'terminal');
  const [seen, setSeen] = useState({ guided, hasSelection, terminal });
  // A new selection brings Details forward; closing it, or opening a workflow, goes back; a command
  // run from a workflow's "Try it" brings the log (with the terminal) forward.
  if (seen.guided !== guided || seen.hasSelection !== hasSelection || seen.terminal !== terminal) {
    setSeen({ guided, hasSelection, terminal });
    if (terminal && !seen.terminal) setChosen('log');
    else setChosen(hasSelection && !seen.hasSelection ? 'details' : guided ? 'guide' : 'log');
  }
  const panels: PhonePanel[] = [
    ...(guided ? ['guide' as const] : []),
    'log',
    ...(hasSelection ? ['details' as const] : []),
  ];
  const tab = panels.includes(chosen) ? chosen : panels[0]!;
  const ids = { guide: 'phone-tab-guide', log: 'phone-tab-log', details: 'phone-tab-details' };
  return (
    <main className="flex min-h-0 flex-1 flex-col">
      <div className="min-h-[9rem] flex-1">
        <ReactFlowProvider>
          <Diagram compact />
        </ReactFlowProvider>
      </div>
      <PlaybackBar />
      <div className="flex h-[45%] min-h-[12rem] shrink-0 flex-col border-t border-slate-200 dark:border-slate-700">
        <div
          role="tablist"
          aria-label={t('layout.panels')}
          className="flex shrink-0 gap-1 border-b border-slate-200 px-2 pt-1 dark:border-slate-700"
        >
          {panels.map((p) => (
            <button
              key={p}
              id={ids[p]}
              type="button"
              role="tab"
              aria-selected={tab === p}
              aria-controls={`${ids[p]}-panel`}
              onClick={() => setChosen(p)}
              className={`rounded-t-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-k8s ${
                tab === p
                  ? 'bg-white text-k8s shadow-[0_-1px_0_#326ce5_inset] dark:bg-slate-900 dark:text-sky-300'
                  : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'
              }`}
            >
              {t(`layout.${p}`)}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`${ids[tab]}-panel`} aria-labelledby={ids[tab]} className="min-h-0 flex-1">
          <Suspense fallback={null}>
            {tab === 'guide' ? <Narration /> : tab === 'details' ? <Inspector /> : <EventLog />}
          </Suspense>
        </div>
      </div>
    </main>
  );
}

/**
 * Embedded in a course page (`embed=1`): the diagram, playback and the workflow's narration only,
 * filling whatever frame it is given without page scrollbars (panels scroll inside themselves).
 */
function EmbeddedApp({ wide, guided }: { wide: boolean; guided: boolean }) {
  const narration = (
    <Suspense fallback={null}>
      <Narration />
    </Suspense>
  );
  return (
    <div
      className="flex h-full flex-col overflow-hidden bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100"
      data-embed
    >
      <Notices />
      <main className={`flex min-h-0 flex-1 ${wide ? 'flex-row' : 'flex-col'}`}>
        {guided && wide && (
          <div className="w-[300px] shrink-0 border-r border-slate-200 dark:border-slate-700">
            {narration}
          </div>
        )}
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-[8rem] flex-1">
            <ReactFlowProvider>
              <Diagram compact={!wide} />
            </ReactFlowProvider>
          </div>
          {guided && !wide && (
            <div className="max-h-[45%] min-h-[8rem] shrink border-t border-slate-200 dark:border-slate-700">
              {narration}
            </div>
          )}
          <PlaybackBar />
        </div>
      </main>
    </div>
  );
}
