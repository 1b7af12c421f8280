/**
 * kube-controller-manager's control loops at the cursor: for each controller, its latest pass as
 * "desired / actual / diff / action". Clicking a pass's time jumps there.
 */
import { useTranslation } from 'react-i18next';
import type { Reconciliation } from '../../engine/controllers/controller';
import { lastAtOrBeforeTime } from '../../store/records';
import { formatClock } from '../timeline/formatClock';
import { noteText } from './noteText';
import { useActions, useAppStore } from '../storeContext';

export function ControllerLoops() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const player = useAppStore((s) => s.player);
  const upTo = useAppStore((s) =>
    s.player ? lastAtOrBeforeTime(s.player.run.reconciliations, s.playback.virtualTime) : -1,
  );
  const { seekVirtual } = useActions();
  const latest = new Map<string, Reconciliation>();
  const all = player?.run.reconciliations ?? [];
  // Walk back from the cursor until every controller seen has its latest pass (bounded).
  for (let i = upTo; i >= 0 && i > upTo - 5_000; i--) {
    const r = all[i]!;
    if (!latest.has(r.controller)) latest.set(r.controller, r);
  }
  const rows = [...latest.values()].sort((a, b) => (a.controller < b.controller ? -1 : 1));
  if (!rows.length) return <p className="text-slate-500 dark:text-slate-400">{t('inspector.noLoops')}</p>;
  return (
    <ul className="space-y-2">
      {rows.map((r) => (
        <li
          key={r.controller}
          className="rounded-lg border border-slate-200 p-2 text-xs dark:border-slate-700"
          data-controller={r.controller}
        >
          <p className="mb-1 flex items-baseline gap-2">
            <span className="font-mono font-semibold">{r.controller}</span>
            <span className="font-mono text-slate-500 dark:text-slate-400">{r.key}</span>
            <button
              type="button"
              className="ml-auto font-mono text-slate-500 hover:underline dark:text-slate-400"
              onClick={() => seekVirtual(r.time)}
            >
              {formatClock(r.time)}
            </button>
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-2">
            <dt className="text-slate-500 dark:text-slate-400">{t('inspector.desired')}</dt>
            <dd>{noteText(r.desired, language)}</dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('inspector.actual')}</dt>
            <dd>{noteText(r.actual, language)}</dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('inspector.diff')}</dt>
            <dd>{noteText(r.diff, language)}</dd>
            <dt className="text-slate-500 dark:text-slate-400">{t('inspector.action')}</dt>
            <dd className={r.action === 'none' ? '' : 'font-semibold text-k8s dark:text-blue-400'}>
              {noteText(r.action, language)}
            </dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}
