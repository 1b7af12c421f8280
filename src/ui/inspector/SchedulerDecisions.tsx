/**
 * kube-scheduler's latest decisions at the cursor: for each node, the filter that refused it and
 * why, or each score plugin's score (0–100, before weighting) and the weighted total; the winner
 * is marked. Clicking a decision's time jumps there.
 */
import { useTranslation } from 'react-i18next';
import type { DecisionRecord } from '../../engine/scheduler/scheduler';
import { lastAtOrBeforeTime } from '../../store/records';
import { formatClock } from '../timeline/formatClock';
import { useActions, useAppStore } from '../storeContext';

const SHOWN = 3;

/** Short column heads for the score plugins, in the profile's order. */
const SHORT: Record<string, string> = {
  TaintToleration: 'Taint',
  NodeAffinity: 'Affinity',
  NodeResourcesFit: 'Fit',
  PodTopologySpread: 'Spread',
  InterPodAffinity: 'PodAff',
  NodeResourcesBalancedAllocation: 'Balanced',
  ImageLocality: 'Image',
};

function Decision({ d }: { d: DecisionRecord }) {
  const { t } = useTranslation();
  const { seekVirtual } = useActions();
  const plugins = Object.keys(d.verdicts?.find((v) => v.scores)?.scores ?? {});
  return (
    <li
      className="space-y-1 rounded-lg border border-slate-200 p-2 dark:border-slate-700"
      data-decision={d.pod}
    >
      <p className="text-xs">
        <button
          type="button"
          className="mr-2 font-mono text-slate-500 hover:underline dark:text-slate-400"
          onClick={() => seekVirtual(d.time)}
        >
          {formatClock(d.time)}
        </button>
        <span className="font-mono font-semibold">{d.pod}</span>{' '}
        {d.winner ? (
          <>
            →{' '}
            <span className="font-mono font-semibold text-emerald-700 dark:text-emerald-400" data-winner>
              {d.winner}
            </span>
          </>
        ) : (
          <span className="font-semibold text-red-700 dark:text-red-400">{t('inspector.noNodeFits')}</span>
        )}
      </p>
      {!d.winner && d.message && (
        <p className="font-mono text-[11px] text-red-700 dark:text-red-400">{d.message}</p>
      )}
      {d.verdicts && (
        // Seven score columns may be wider than the panel: the table scrolls sideways, and a
        // scrolling region must be reachable from the keyboard.
        <div
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-k8s"
          tabIndex={0}
          role="group"
          aria-label={t('inspector.decisionTable', { pod: d.pod })}
        >
          <table className="w-full border-collapse font-mono text-[10px]" data-verdicts>
            <thead className="text-left text-slate-500 dark:text-slate-400">
              <tr>
                <th className="pr-1 font-semibold">{t('inspector.node')}</th>
                {/* The total decides: it comes first, where the panel never hides it. */}
                <th className="pl-1 pr-2 text-right font-semibold">{t('inspector.total')}</th>
                {plugins.map((p) => (
                  <th key={p} className="pl-1 pr-1 text-right font-semibold" title={p}>
                    {SHORT[p] ?? p}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.verdicts.map((v) => (
                <tr
                  key={v.node}
                  data-node={v.node}
                  className={`border-t border-slate-100 dark:border-slate-800 ${v.node === d.winner ? 'bg-emerald-50 font-semibold dark:bg-emerald-950/50' : ''}`}
                >
                  <td className="whitespace-nowrap pr-2">{v.node === d.winner ? `★ ${v.node}` : v.node}</td>
                  {v.failed ? (
                    <td colSpan={plugins.length + 1} className="text-red-700 dark:text-red-400" data-filtered>
                      ✗ {v.failed.plugin}: {v.failed.reasons.join(', ')}
                    </td>
                  ) : (
                    <>
                      <td className="pl-1 pr-2 text-right font-semibold tabular-nums">{v.total ?? '–'}</td>
                      {plugins.map((p) => (
                        <td key={p} className="pl-1 pr-1 text-right tabular-nums">
                          {v.scores?.[p] ?? '–'}
                        </td>
                      ))}
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

export function SchedulerDecisions() {
  const { t } = useTranslation();
  const player = useAppStore((s) => s.player);
  // The list changes only when the cursor passes a decision.
  const upTo = useAppStore((s) =>
    s.player ? lastAtOrBeforeTime(s.player.run.decisions, s.playback.virtualTime) : -1,
  );
  const shown = (player?.run.decisions ?? []).slice(Math.max(0, upTo + 1 - SHOWN), upTo + 1).reverse();
  if (!shown.length)
    return <p className="text-slate-500 dark:text-slate-400">{t('inspector.noDecisions')}</p>;
  return (
    <>
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('inspector.decisionsHint')}</p>
      <ul className="space-y-2">
        {shown.map((d, i) => (
          <Decision key={`${d.pod}-${d.time}-${i}`} d={d} />
        ))}
      </ul>
    </>
  );
}
