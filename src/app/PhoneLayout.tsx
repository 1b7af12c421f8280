/** The page on a phone in portrait (loaded only on narrow screens). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectedByStep } from '../store/appStore';
import { useAppStore } from '../ui/storeContext';
import type { LayoutParts } from './layoutParts';

type PhonePanel = 'guide' | 'log' | 'details';

/**
 * A phone in portrait: the diagram and playback on top, and the panels folded into tabs below —
 * the workflow's narration, the event log, and Details while something is selected.
 */
export function PhoneLayout({
  guided,
  hasSelection,
  parts,
}: {
  guided: boolean;
  hasSelection: boolean;
  parts: LayoutParts;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<PhonePanel>(guided ? 'guide' : 'log');
  const terminal = useAppStore((s) => s.panel === 'terminal');
  // A selection the workflow's step made (its `inspect`), not the learner.
  const stepOpened = useAppStore(selectedByStep);
  const [seen, setSeen] = useState({ guided, hasSelection, terminal });
  // A new selection brings Details forward, unless the step made it: its narration, prediction and
  // Next stay in sight, and the Details tab is there to open. Closing Details, or opening a
  // workflow, goes back; a command run from a workflow's "Try it" brings the log (with the
  // terminal) forward.
  if (seen.guided !== guided || seen.hasSelection !== hasSelection || seen.terminal !== terminal) {
    setSeen({ guided, hasSelection, terminal });
    if (terminal && !seen.terminal) setChosen('log');
    else setChosen(hasSelection && !seen.hasSelection && !stepOpened ? 'details' : guided ? 'guide' : 'log');
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
      <div className="min-h-[9rem] flex-1">{parts.diagram(true)}</div>
      {parts.playback}
      <div className="flex h-[40%] min-h-[12rem] shrink-0 flex-col border-t border-slate-200 dark:border-slate-700">
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
          {tab === 'guide' ? parts.narration : tab === 'details' ? parts.details : parts.log}
        </div>
      </div>
    </main>
  );
}
