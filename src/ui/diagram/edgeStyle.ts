/** How each kind of path is drawn; the legend uses the same table. */
import type { PathKind } from '../../engine/topology';

export interface EdgeStyle {
  /** Tailwind text colour class; the line uses currentColor. */
  readonly color: string;
  readonly dash?: string;
  readonly legendKey: 'legendApi' | 'legendStorage' | 'legendCri' | 'legendRun' | 'legendTraffic';
}

export const EDGE_STYLES: Record<PathKind, EdgeStyle> = {
  api: { color: 'text-k8s dark:text-blue-400', legendKey: 'legendApi' },
  storage: { color: 'text-amber-600 dark:text-amber-400', legendKey: 'legendStorage' },
  cri: { color: 'text-violet-600 dark:text-violet-400', legendKey: 'legendCri' },
  run: { color: 'text-violet-600 dark:text-violet-400', dash: '2 4', legendKey: 'legendRun' },
  traffic: { color: 'text-emerald-600 dark:text-emerald-400', dash: '7 5', legendKey: 'legendTraffic' },
};

export const PATH_KINDS = Object.keys(EDGE_STYLES) as PathKind[];
