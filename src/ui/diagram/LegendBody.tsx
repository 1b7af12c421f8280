/** The Legend's entries: loaded when it is first opened, not with the page. */
import { useTranslation } from 'react-i18next';
import { MARKER_COLORS, type MarkerKind } from '../timeline/useTimelineMarkers';
import { EDGE_STYLES, PATH_KINDS } from './edgeStyle';

const MARK_KINDS: readonly MarkerKind[] = ['schedule', 'failure', 'reconcile'];

export function LegendBody() {
  const { t } = useTranslation();
  return (
    <>
      <ul className="mt-1.5 space-y-1">
        {PATH_KINDS.map((kind) => (
          <li key={kind} className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
            <svg width="28" height="8" aria-hidden="true" className={EDGE_STYLES[kind].color}>
              <line
                x1="1"
                y1="4"
                x2="27"
                y2="4"
                stroke="currentColor"
                strokeWidth="2"
                strokeDasharray={EDGE_STYLES[kind].dash}
              />
            </svg>
            {t(`diagram.${EDGE_STYLES[kind].legendKey}`)}
          </li>
        ))}
        <li className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
          <span
            className="inline-block h-2.5 w-7 rounded-sm border-2 border-dashed border-amber-500"
            aria-hidden="true"
          />
          {t('diagram.addons')}
        </li>
        <li className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
          <svg width="28" height="12" aria-hidden="true">
            <circle cx="14" cy="6" r="5.5" fill="#dc2626" />
            <path d="M11 3l6 6M17 3l-6 6" stroke="#ffffff" strokeWidth="1.6" />
          </svg>
          {t('diagram.legendUndelivered')}
        </li>
      </ul>
      {/* The marks along the timeline, above the slider and (in a workflow) below it. */}
      <p className="mt-2 font-semibold text-slate-700 dark:text-slate-200">{t('diagram.legendTimeline')}</p>
      <ul className="mt-1 space-y-1">
        {MARK_KINDS.map((kind) => (
          <li key={kind} className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
            <span className="flex w-7 justify-center" aria-hidden="true">
              <span className={`inline-block h-2 w-[3px] rounded-sm ${MARKER_COLORS[kind]}`} />
            </span>
            {t(`diagram.legendMark_${kind}`)}
          </li>
        ))}
        <li className="flex items-center gap-2 text-slate-600 dark:text-slate-300">
          <span className="flex w-7 justify-center" aria-hidden="true">
            <span className="inline-block h-1.5 w-[2px] bg-slate-500" />
          </span>
          {t('diagram.legendMark_step')}
        </li>
      </ul>
    </>
  );
}
