/** The page: top bar, notices, the diagram with the Details panel beside it, playback and the event log below. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
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
import { useElementHeight } from '../ui/useElementHeight';
import { PanelResizer } from '../ui/shell/PanelResizer';
import { loadComponentDetails, loadPanelText } from '../i18n/i18n';
import type { LayoutParts } from './layoutParts';

// Loaded when first needed: the Details panel on the first selection, the narration when a workflow
// opens, the shortcuts on the first `?`; the phone and embed layouts on the screens
// that show them (main.tsx starts fetching them with the language's catalog).
const Inspector = lazy(() => import('../ui/inspector/Inspector').then((m) => ({ default: m.Inspector })));
const Narration = lazy(() => import('../ui/narration/Narration').then((m) => ({ default: m.Narration })));
const PhoneLayout = lazy(() => import('./PhoneLayout').then((m) => ({ default: m.PhoneLayout })));
const EmbeddedApp = lazy(() => import('./EmbeddedApp').then((m) => ({ default: m.EmbeddedApp })));
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
  // The panel under the diagram: its default height, until the learner drags the bar above it.
  const [panelHeight, setPanelHeight] = useState<number | null>(null);
  const columnRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const columnHeight = useElementHeight(columnRef);
  const panelShown = useElementHeight(panelRef);
  const dark = (theme ?? (prefersDark ? 'dark' : 'light')) === 'dark';
  useShortcuts();
  const { i18n } = useTranslation();
  const language = i18n.language;
  // The components' Details text loads beside the Details panel's code (and, from then on, before
  // any language switched to is shown, so open Details never wait for it).
  useEffect(() => {
    if (hasSelection) void loadComponentDetails(i18n, language);
  }, [hasSelection, i18n, language]);
  // Likewise a workflow's narration text, beside the narration's code rather than after it.
  useEffect(() => {
    if (guided) void loadPanelText(i18n, language);
  }, [guided, i18n, language]);

  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  // What every layout shows; the phone and embed layouts (loaded lazily) place them.
  const parts: LayoutParts = {
    diagram: (compact) => (
      <ReactFlowProvider>
        <Diagram compact={compact} />
      </ReactFlowProvider>
    ),
    playback: <PlaybackBar />,
    log: <EventLog />,
    narration: (
      <Suspense fallback={null}>
        <Narration />
      </Suspense>
    ),
    details: (
      <Suspense fallback={null}>
        <Inspector />
      </Suspense>
    ),
    notices: <Notices />,
  };

  if (embed)
    return (
      <Suspense fallback={null}>
        <EmbeddedApp wide={wide} guided={guided} parts={parts} />
      </Suspense>
    );

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
          <div ref={columnRef} className="flex min-h-0 min-w-0 flex-1 flex-col">
            <div className="min-h-0 flex-1">
              <ReactFlowProvider>
                <Diagram compact={false} />
              </ReactFlowProvider>
            </div>
            <PlaybackBar />
            <PanelResizer
              height={panelHeight ?? panelShown}
              // The diagram and the playback bar keep at least 220 px.
              max={columnHeight - 220}
              onResize={setPanelHeight}
            />
            <div
              ref={panelRef}
              style={panelHeight === null ? undefined : { height: panelHeight }}
              className={`${panelHeight !== null ? '' : terminal ? (tall ? 'h-[38%] min-h-56' : 'h-[45%]') : tall ? 'h-44' : 'h-28'} shrink-0`}
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
        <Suspense fallback={null}>
          <PhoneLayout guided={guided} hasSelection={hasSelection} parts={parts} />
        </Suspense>
      )}
      {shortcutsOpen && (
        <Suspense fallback={null}>
          <ShortcutsDialog />
        </Suspense>
      )}
    </div>
  );
}
