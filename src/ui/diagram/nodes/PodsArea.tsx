/** The room on a node where its pods appear. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import { useAppStore } from '../../storeContext';
import { isRelated } from '../../selection';
import { POD_ICON } from '../../icons/icons';
import type { PodsId } from '../../../engine/topology';
import type { PodsAreaNode } from '../flowNodes';

export const PodsArea = memo(function PodsArea({ id }: NodeProps<PodsAreaNode>) {
  const { t } = useTranslation();
  const related = useAppStore((s) => isRelated(s.selection, s.topology, id as PodsId));
  return (
    <div
      className={[
        'flex h-full w-full flex-col rounded-xl border-2 border-dashed px-3 py-1.5',
        related
          ? 'border-emerald-500 bg-emerald-50/60 dark:bg-emerald-950/30'
          : 'border-slate-300 dark:border-slate-600',
      ].join(' ')}
    >
      <span className="text-[11px] font-semibold tracking-wider [:lang(en)_&]:uppercase text-slate-600 dark:text-slate-300">
        {t('diagram.pods')}
      </span>
      <span className="flex flex-1 items-center justify-center gap-2 text-xs text-slate-500 dark:text-slate-400">
        <img src={POD_ICON} alt="" width={22} height={22} className="opacity-60" draggable={false} />
        {t('diagram.podsEmpty')}
      </span>
    </div>
  );
});
