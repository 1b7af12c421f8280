/** The cluster's boundary: everything inside it is the cluster; kubectl stays outside. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

export const ClusterBox = memo(function ClusterBox() {
  const { t } = useTranslation();
  return (
    <div className="h-full w-full rounded-3xl border-2 border-k8s/50 bg-white/40 dark:bg-slate-950/30">
      <div className="px-6 pt-3 text-sm font-bold tracking-wide text-k8s dark:text-blue-300">
        {t('diagram.cluster')}
      </div>
    </div>
  );
});
