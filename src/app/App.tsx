/** The page: top bar, notices, the diagram with the Details panel beside it, playback and the event log below. */
import { lazy, Suspense, useEffect } from 'react';
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

  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <TopBar prefersDark={prefersDark} />
      <Notices />
      <main className={`flex min-h-0 flex-1 ${wide ? 'flex-row' : 'flex-col'}`}>
        {guided && wide && (
          <div className="w-[340px] shrink-0 border-r border-slate-200 dark:border-slate-700">
            <Suspense fallback={null}>
              <Narration />
            </Suspense>
          </div>
        )}
        <div className="flex min-h-0 min-w-0 flex-1 flex-col">
          <div className="min-h-0 flex-1">
            <ReactFlowProvider>
              <Diagram compact={!wide} />
            </ReactFlowProvider>
          </div>
          {guided && !wide && !hasSelection && (
            <div className="max-h-[45%] min-h-[12rem] shrink-0 border-t border-slate-200 dark:border-slate-700">
              <Suspense fallback={null}>
                <Narration />
              </Suspense>
            </div>
          )}
          <PlaybackBar />
          {/* On a phone the Details sheet takes the log's place while it is open. */}
          {(wide || (!hasSelection && !guided)) && (
            <div
              className={`${terminal ? (!wide ? 'h-[50%]' : tall ? 'h-[38%] min-h-56' : 'h-[45%]') : tall ? 'h-44' : 'h-28'} shrink-0 border-t border-slate-200 dark:border-slate-700`}
            >
              <EventLog />
            </div>
          )}
        </div>
        {hasSelection && (
          <div
            className={
              wide
                ? 'w-[400px] shrink-0 border-l border-slate-200 shadow-lg dark:border-slate-700'
                : 'h-[58%] shrink-0 overflow-hidden rounded-t-2xl border-t border-slate-200 shadow-[0_-8px_24px_rgba(0,0,0,0.12)] dark:border-slate-700'
            }
          >
            <Suspense fallback={null}>
              <Inspector />
            </Suspense>
          </div>
        )}
      </main>
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
    </div>
  );
}
