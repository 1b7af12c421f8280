/** The page: top bar, notices, the diagram and, when something is selected, the Details panel. */
import { useContext, useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Diagram } from '../ui/diagram/Diagram';
import { Inspector } from '../ui/inspector/Inspector';
import { Notices } from '../ui/shell/Notices';
import { TopBar } from '../ui/shell/TopBar';
import { focusSelection } from '../ui/focusSelection';
import { StoreContext, useAppStore } from '../ui/storeContext';
import { useMediaQuery } from '../ui/useMediaQuery';

export function App() {
  const hasSelection = useAppStore((s) => s.selection !== null);
  const select = useAppStore((s) => s.select);
  const store = useContext(StoreContext);
  const theme = useAppStore((s) => s.theme);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const wide = useMediaQuery('(min-width: 768px)');
  const dark = (theme ?? (prefersDark ? 'dark' : 'light')) === 'dark';

  useEffect(() => {
    document.documentElement.classList.toggle('dark', dark);
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [dark]);

  // Esc closes the Details panel from anywhere and returns focus to what was selected.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || !store) return;
      const { selection } = store.getState();
      if (!selection) return;
      select(null);
      focusSelection(selection);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, store]);

  return (
    <div className="flex h-full flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <TopBar prefersDark={prefersDark} />
      <Notices />
      <main className={`flex min-h-0 flex-1 ${wide ? 'flex-row' : 'flex-col'}`}>
        <div className="min-w-0 flex-1">
          <ReactFlowProvider>
            <Diagram compact={!wide} />
          </ReactFlowProvider>
        </div>
        {hasSelection && (
          <div
            className={
              wide
                ? 'w-[400px] shrink-0 border-l border-slate-200 shadow-lg dark:border-slate-700'
                : 'h-[58%] shrink-0 overflow-hidden rounded-t-2xl border-t border-slate-200 shadow-[0_-8px_24px_rgba(0,0,0,0.12)] dark:border-slate-700'
            }
          >
            <Inspector />
          </div>
        )}
      </main>
    </div>
  );
}
