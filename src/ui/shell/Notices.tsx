/** Visible notices for URL parameters that were ignored, each dismissible. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../storeContext';

export function Notices() {
  const { t } = useTranslation();
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      className="space-y-1 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      {notices.map((n) => (
        <p key={n.name} className="flex items-start gap-3">
          <span className="min-w-0 flex-1 break-words">
            {n.expected === 'badScenario'
              ? t('notices.badScenario', { source: n.value, error: n.detail ?? '' })
              : t('notices.badParam', {
                  name: n.name,
                  value: n.value,
                  expected: t(`notices.${n.expected}`),
                  fallback:
                    n.expected === 'expectTheme'
                      ? t('notices.defaultTheme')
                      : n.expected === 'expectScenario'
                        ? t('notices.freePlay')
                        : n.fallback,
                })}
          </span>
          <button
            type="button"
            onClick={() => dismiss(n)}
            className="shrink-0 rounded px-2 font-medium underline hover:bg-amber-100 dark:hover:bg-amber-900"
          >
            {t('notices.dismiss')}
          </button>
        </p>
      ))}
    </div>
  );
}
