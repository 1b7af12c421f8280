/** A labelled area inside the cluster: the control plane, a node's components, or the addons (dashed: not core). */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NodeProps } from '@xyflow/react';
import type { ZoneBoxNode } from '../flowNodes';

const STYLES: Record<ZoneBoxNode['data']['zone'], string> = {
  controlPlane: 'border-k8s/40 bg-blue-50/80 dark:bg-blue-950/40',
  nodeComponents: 'border-slate-300 bg-white/60 dark:border-slate-600 dark:bg-slate-800/40',
  addons: 'border-dashed border-amber-500/70 bg-amber-50/70 dark:bg-amber-950/30',
};

export const ZoneBox = memo(function ZoneBox({ data }: NodeProps<ZoneBoxNode>) {
  const { t } = useTranslation();
  return (
    <div className={`h-full w-full rounded-xl border-2 ${STYLES[data.zone]}`}>
      <div className="px-3 pt-1.5 text-[11px] font-semibold tracking-wider [:lang(en)_&]:uppercase text-slate-600 dark:text-slate-300">
        {t(`diagram.${data.zone}`)}
      </div>
    </div>
  );
});
