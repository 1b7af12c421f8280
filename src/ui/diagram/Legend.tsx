/** What the line styles and the timeline's marks mean. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LegendBody = lazy(() => import('./LegendBody').then((m) => ({ default: m.LegendBody })));

/** Collapsed until asked for, so it never covers the cluster. */
export function Legend() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <details
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="max-h-full overflow-y-auto rounded-lg border border-slate-200 bg-white/95 px-3 py-2 text-xs shadow-sm dark:border-slate-700 dark:bg-slate-900/95"
    >
      <summary className="cursor-pointer font-semibold text-slate-700 dark:text-slate-200">
        {t('diagram.legend')}
      </summary>
      {open && (
        <Suspense fallback={null}>
          <LegendBody />
        </Suspense>
      )}
    </details>
  );
}
