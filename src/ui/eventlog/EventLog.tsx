/**
 * The event log (`Cluster events`): the cluster's Events as `kubectl get events` lists them, or the
 * messages in plain words, always as they are at the cursor. Clicking an entry jumps there.
 */
import { lazy, memo, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { eventRows, type EventRow } from '../../store/eventRows';
import { describeMessage } from '../timeline/messageText';
import { formatClock } from '../timeline/formatClock';
import { useEndpointName } from '../timeline/useEndpointName';
import { useWords } from '../timeline/useWords';
import { useActions, useAppStore } from '../storeContext';
import { keepRowInView, onRowKeys } from './rowKeys';

/** Rows kept on screen: the latest ones before the cursor. */
const ROWS = 40;

type Tab = 'events' | 'messages' | 'terminal';

// The terminal and kubectl's code load when the Terminal tab is first opened.
const TerminalPanel = lazy(() =>
  import('../terminal/TerminalPanel').then((m) => ({ default: m.TerminalPanel })),
);

const EventTable = memo(function EventTable({ rows }: { rows: readonly EventRow[] }) {
  const { t } = useTranslation();
  const { seekVirtual, select } = useActions();
  if (!rows.length)
    return <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">{t('eventLog.noEvents')}</p>;
  return (
    // At least wide enough for the fixed columns and a readable MESSAGE: on a phone the table
    // scrolls sideways, as `kubectl get events` does in a narrow terminal, rather than squeezing
    // MESSAGE to nothing.
    <table className="w-full min-w-[56rem] table-fixed border-collapse font-mono text-xs">
      <colgroup>
        <col className="w-20" />
        <col className="w-20" />
        {/* REASON: wide enough for kubelet's longest, NodeAllocatableEnforced and NodeHasSufficientMemory. */}
        <col className="w-48" />
        <col className="w-72" />
        <col />
      </colgroup>
      <thead className="sticky top-0 bg-slate-50 text-left text-slate-500 dark:bg-slate-900 dark:text-slate-400">
        <tr>
          <th className="whitespace-nowrap px-2 py-1 font-semibold">LAST SEEN</th>
          <th className="whitespace-nowrap px-2 py-1 font-semibold">TYPE</th>
          <th className="whitespace-nowrap px-2 py-1 font-semibold">REASON</th>
          <th className="whitespace-nowrap px-2 py-1 font-semibold">OBJECT</th>
          <th className="whitespace-nowrap px-2 py-1 font-semibold">MESSAGE</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr
            key={r.key}
            className={`cursor-pointer border-t border-slate-100 hover:bg-blue-50 dark:border-slate-800 dark:hover:bg-slate-800 ${r.type === 'Warning' ? 'text-red-700 dark:text-red-400' : ''}`}
            onClick={() => {
              seekVirtual(r.time);
              if (r.involvedKind === 'Pod')
                select({ kind: 'pod', namespace: r.namespace, name: r.involvedName });
            }}
          >
            <td className="whitespace-nowrap px-2 py-0.5">{r.lastSeen}</td>
            <td className="px-2 py-0.5">{r.type}</td>
            <td className="truncate px-2 py-0.5" title={r.reason}>
              {r.reason}
            </td>
            <td className="truncate px-2 py-0.5" title={r.object}>
              {r.object}
            </td>
            <td className="px-2 py-0.5">
              <button
                type="button"
                tabIndex={-1}
                data-row-button
                className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-k8s"
                // Some Events have no message (kube-proxy's Starting): the button is named by its reason and object.
                aria-label={r.message ? undefined : `${r.reason} ${r.object}`}
                onClick={(e) => {
                  e.stopPropagation();
                  seekVirtual(r.time);
                }}
              >
                {r.message}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

function Events() {
  const player = useAppStore((s) => s.player);
  const version = useAppStore((s) => s.playback.objectsVersion);
  // LAST SEEN counts in whole seconds: redraw when the second changes.
  const second = useAppStore((s) => Math.floor(s.playback.virtualTime / 1000));
  const rows = useMemo(() => {
    void version;
    if (!player) return [];
    const all = eventRows(player.objectsNow(), second * 1000);
    return all.slice(-ROWS);
  }, [player, version, second]);
  return <EventTable rows={rows} />;
}

function Messages() {
  const { t } = useTranslation();
  const player = useAppStore((s) => s.player);
  const cursor = useAppStore((s) => s.playback.cursor);
  const heartbeats = useAppStore((s) => s.playback.heartbeats);
  const nameOf = useEndpointName();
  const words = useWords();
  const { seekMessage } = useActions();
  const { ids, inFlight } = useMemo(() => {
    if (!player) return { ids: [], inFlight: new Set<number>() };
    const { timeline } = player;
    const trace = player.run.cluster.sim.trace;
    const visible = timeline.ids;
    // The messages that have left by the cursor, newest last; routine ones only when shown.
    const hi = timeline.lastLeftBy(cursor);
    const picked: number[] = [];
    for (let j = hi; j >= 0 && picked.length < ROWS; j--) {
      const id = visible[j]!;
      if (heartbeats !== 'show' && trace.isRoutine(id)) continue;
      picked.push(id);
    }
    return { ids: picked.reverse(), inFlight: new Set(timeline.inFlight(cursor).map((f) => f.id)) };
  }, [player, cursor, heartbeats]);
  if (!player || !ids.length)
    return <p className="px-3 py-2 text-sm text-slate-500 dark:text-slate-400">{t('eventLog.noMessages')}</p>;
  return (
    <ol className="text-xs">
      {ids.map((id) => {
        const m = player.run.cluster.sim.trace.at(id)!;
        const { sentence } = describeMessage(m, nameOf);
        const lost = player.run.cluster.sim.undelivered(id);
        return (
          <li
            key={id}
            className={`border-t border-slate-100 dark:border-slate-800 ${inFlight.has(id) ? 'bg-blue-50 dark:bg-blue-950/60' : ''}`}
            data-in-flight={inFlight.has(id) || undefined}
            data-undelivered={lost || undefined}
          >
            <button
              type="button"
              tabIndex={-1}
              data-row-button
              onClick={() => seekMessage(id)}
              className="flex w-full gap-2 px-2 py-0.5 text-left hover:bg-blue-50 focus-visible:outline-2 focus-visible:outline-k8s dark:hover:bg-slate-800"
            >
              <span className="shrink-0 font-mono tabular-nums text-slate-500 dark:text-slate-400">
                {formatClock(m.sentAt)}
              </span>
              <span className="min-w-0 flex-1">
                {words(sentence)}
                {lost && (
                  <span className="ml-1.5 rounded bg-red-100 px-1 font-semibold text-red-800 dark:bg-red-950 dark:text-red-300">
                    ✕ {t('eventLog.undelivered', { to: nameOf(m.to) })}
                  </span>
                )}
              </span>
              <span className="hidden shrink-0 truncate font-mono text-slate-400 lg:block lg:max-w-[40%]">
                {m.summary}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

export function EventLog() {
  const { t } = useTranslation();
  const tab = useAppStore((s) => s.panel);
  const { setPanel: setTab } = useActions();
  const ready = useAppStore((s) => s.playback.ready);
  const tabButton = (value: Tab) => (
    <button
      type="button"
      aria-pressed={tab === value}
      onClick={() => setTab(value)}
      className={`rounded-md px-2 py-0.5 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-k8s ${tab === value ? 'bg-k8s text-white' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
    >
      {t(`eventLog.${value}`)}
    </button>
  );

  return (
    <section
      className="flex h-full min-h-0 flex-col bg-white dark:bg-slate-950"
      aria-labelledby="event-log-title"
    >
      <p id="event-log-keys" className="sr-only">
        {t('eventLog.keys')}
      </p>
      <header className="flex items-center gap-2 border-b border-slate-200 px-3 py-1 dark:border-slate-700">
        <h2
          id="event-log-title"
          className="sr-only mr-2 text-xs font-semibold uppercase tracking-wider text-slate-500 sm:not-sr-only dark:text-slate-400"
        >
          {t('eventLog.title')}
        </h2>
        {tabButton('events')}
        {tabButton('messages')}
        {tabButton('terminal')}
      </header>
      {tab === 'terminal' ? (
        <Suspense fallback={<p className="px-3 py-2 text-sm text-slate-500">{t('terminal.loading')}</p>}>
          <TerminalPanel />
        </Suspense>
      ) : (
        // column-reverse keeps the newest entry in view without measuring anything (no forced layout).
        <div
          role="log"
          aria-label={t('eventLog.title')}
          tabIndex={0}
          aria-describedby="event-log-keys"
          onKeyDown={onRowKeys}
          onClickCapture={keepRowInView}
          className="flex min-h-0 flex-1 flex-col-reverse overflow-auto focus-visible:outline-2 focus-visible:outline-k8s"
        >
          <div>
            {!ready ? (
              <p
                className="max-w-4xl px-3 py-2 text-sm leading-6 text-slate-600 dark:text-slate-300"
                data-starting
              >
                {t('eventLog.starting')}
              </p>
            ) : tab === 'events' ? (
              <Events />
            ) : (
              <Messages />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
