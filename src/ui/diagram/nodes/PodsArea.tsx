/** The room on a node where its pods appear: one button per pod, coloured by its STATUS. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import type { PodTone, PodView } from '../../../store/clusterView';
import { useAppStore } from '../../storeContext';
import { isRelated } from '../../selection';
import { podDomId } from '../../focusSelection';
import { POD_ICON } from '../../icons/icons';
import type { PodsId } from '../../../engine/topology';
import type { PodsAreaNode } from '../flowNodes';

/** Pods drawn per node; more are reached through the node's Details. */
const SHOWN = 8;

export const TONE_CLASSES: Record<PodTone, string> = {
  pending: 'border-amber-500 bg-amber-50 text-amber-900 dark:bg-amber-950/60 dark:text-amber-100',
  creating: 'border-sky-500 bg-sky-50 text-sky-900 dark:bg-sky-950/60 dark:text-sky-100',
  running: 'border-emerald-600 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100',
  terminating:
    'border-slate-500 bg-slate-100 text-slate-700 line-through dark:bg-slate-800 dark:text-slate-300',
  failed: 'border-red-600 bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100',
  done: 'border-slate-400 bg-slate-50 text-slate-600 dark:bg-slate-800 dark:text-slate-300',
};

/** A glyph per colour family, so STATUS does not rest on colour alone. */
const TONE_GLYPHS: Record<PodTone, string> = {
  pending: '◌',
  creating: '◐',
  running: '●',
  terminating: '◍',
  failed: '✕',
  done: '✓',
};

/** The part of a generated name that tells pods apart: `web-5d8f7c9b4-x2k4q` → `x2k4q`. */
export function podShortName(name: string): string {
  const parts = name.split('-');
  return parts.length > 2 ? `…${parts[parts.length - 1]}` : name;
}

const PodChip = memo(function PodChip({ pod }: { pod: PodView }) {
  const selected = useAppStore(
    (s) =>
      s.selection?.kind === 'pod' && s.selection.name === pod.name && s.selection.namespace === pod.namespace,
  );
  const select = useAppStore((s) => s.select);
  return (
    <button
      id={podDomId(pod.namespace, pod.name)}
      type="button"
      aria-label={pod.name}
      aria-pressed={selected}
      title={`${pod.namespace}/${pod.name}: ${pod.status}`}
      data-pod-status={pod.status}
      onClick={(e) =>
        select(selected ? null : { kind: 'pod', namespace: pod.namespace, name: pod.name }, {
          fromKeyboard: e.detail === 0,
        })
      }
      className={[
        'nodrag nopan pointer-events-auto flex h-[26px] min-w-0 items-center gap-1 rounded-md border-l-4 border px-1 text-left font-mono text-[11px] leading-none focus-visible:outline-2 focus-visible:outline-k8s',
        TONE_CLASSES[pod.tone],
        selected ? 'ring-2 ring-k8s' : '',
      ].join(' ')}
    >
      <span aria-hidden="true" className="shrink-0 text-[9px]">
        {TONE_GLYPHS[pod.tone]}
      </span>
      <span className="truncate">{podShortName(pod.name)}</span>
    </button>
  );
});

export const PodsArea = memo(function PodsArea({ id, data }: NodeProps<PodsAreaNode>) {
  const { t } = useTranslation();
  const related = useAppStore((s) => isRelated(s.selection, s.topology, id as PodsId));
  const live = useAppStore((s) => s.view.nodes.get(data.node.name));
  const select = useAppStore((s) => s.select);
  const pods = live?.pods ?? [];
  const shown = pods.length > SHOWN + 1 ? pods.slice(0, SHOWN) : pods;
  return (
    <div
      className={[
        'flex h-full w-full flex-col rounded-xl border-2 border-dashed px-2 py-1',
        related
          ? 'border-emerald-500 bg-emerald-50/60 dark:bg-emerald-950/30'
          : 'border-slate-300 dark:border-slate-600',
      ].join(' ')}
    >
      <span className="flex items-baseline gap-1.5 text-[11px] font-semibold tracking-wider text-slate-600 dark:text-slate-300">
        <span className="[:lang(en)_&]:uppercase">{t('diagram.pods')}</span>
        <span className="font-normal tracking-normal text-slate-500 dark:text-slate-400">
          {pods.length > 0 && pods.length}
          {live && live.systemPods > 0 && ` ${t('diagram.systemPods', { count: live.systemPods })}`}
        </span>
      </span>
      {pods.length === 0 ? (
        <span className="flex flex-1 items-center justify-center gap-2 text-xs text-slate-500 dark:text-slate-400">
          <img src={POD_ICON} alt="" width={22} height={22} className="opacity-60" draggable={false} />
          {t('diagram.podsEmpty')}
        </span>
      ) : (
        <div className="mt-0.5 grid grid-cols-3 gap-1">
          {shown.map((pod) => (
            <PodChip key={`${pod.namespace}/${pod.name}`} pod={pod} />
          ))}
          {shown.length < pods.length && (
            <button
              type="button"
              onClick={() => select({ kind: 'node', name: data.node.name })}
              className="nodrag nopan pointer-events-auto h-[26px] rounded-md border border-slate-300 text-[11px] text-slate-600 hover:border-k8s focus-visible:outline-2 focus-visible:outline-k8s dark:border-slate-600 dark:text-slate-300"
            >
              {t('diagram.morePods', { count: pods.length - shown.length })}
            </button>
          )}
        </div>
      )}
    </div>
  );
});
