/** A kind's table columns for `kubectl get` (server-side printers, pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../engine/api/types';
import type { ClusterReader } from '../types';

export interface Printer<T extends KubeObject = KubeObject> {
  readonly headers: readonly string[];
  readonly wideHeaders?: readonly string[];
  /** With -o wide, the wide headers and row are the whole table (not added after the usual ones). */
  readonly wideReplaces?: boolean;
  /** The row without the NAMESPACE column; the first cell is the name. */
  row(object: T, reader: ClusterReader): string[];
  wideRow?(object: T, reader: ClusterReader): string[];
}

export const orNone = (s: string | undefined) => (s ? s : '<none>');

/** `app=web,tier=db`, or `<none>`. */
export function labelString(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}
