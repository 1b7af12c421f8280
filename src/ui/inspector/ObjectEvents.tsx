/** An object's Events, as the Events table at the end of `kubectl describe` shows them. */
import { useTranslation } from 'react-i18next';
import { eventFrom } from '../../engine/api/eventTimes';
import type { KubeEvent, KubeObject } from '../../engine/api/types';
import { eventSeenBy, humanDuration } from '../../store/eventRows';
import { useActions, useAppStore } from '../storeContext';

export function ObjectEvents({
  objects,
  kind,
  namespace,
  name,
}: {
  objects: ReadonlyMap<string, KubeObject>;
  kind: string;
  namespace?: string;
  name: string;
}) {
  const { t } = useTranslation();
  const now = useAppStore((s) => Math.floor(s.playback.virtualTime / 1000) * 1000);
  const { seekVirtual } = useActions();
  const events: KubeEvent[] = [];
  for (const o of objects.values())
    if (
      o.kind === 'Event' &&
      o.involvedObject.kind === kind &&
      o.involvedObject.name === name &&
      (namespace === undefined || o.involvedObject.namespace === namespace)
    )
      events.push(o);
  // By time, then by etcd revision: the order the writes happened in, within one second too.
  events.sort(
    (a, b) =>
      eventSeenBy(a) - eventSeenBy(b) ||
      Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
  );
  if (!events.length) return <p className="text-slate-500 dark:text-slate-400">{t('inspector.noEvents')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse font-mono text-[11px]" data-object-events>
        <thead className="text-left text-slate-500 dark:text-slate-400">
          <tr>
            <th className="pr-2 font-semibold">Type</th>
            <th className="pr-2 font-semibold">Reason</th>
            <th className="pr-2 font-semibold">Age</th>
            <th className="pr-2 font-semibold">From</th>
            <th className="font-semibold">Message</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            // Timestamps have whole seconds: jump to the end of that second, when it has surely happened.
            const time = eventSeenBy(e);
            return (
              <tr
                key={e.metadata.name}
                className={`cursor-pointer align-top hover:bg-blue-50 dark:hover:bg-slate-800 ${e.type === 'Warning' ? 'text-red-700 dark:text-red-400' : ''}`}
                onClick={() => seekVirtual(time)}
              >
                <td className="pr-2">{e.type}</td>
                <td className="pr-2">{e.reason}</td>
                <td className="whitespace-nowrap pr-2">{humanDuration(now - (time - 999))}</td>
                <td className="pr-2">{eventFrom(e)}</td>
                <td>{e.message}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
