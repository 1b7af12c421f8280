/** `kubectl describe namespace` (describeNamespace): its status, and that it has no quota or limit ranges (none are simulated). */
import type { Namespace } from '../../engine/api/types';
import { annotations, flush, labels } from './common';

export function describeNamespace(ns: Namespace): string {
  return flush([
    `Name:\t${ns.metadata.name}`,
    ...labels('Labels', ns.metadata.labels),
    ...annotations('Annotations', ns.metadata.annotations),
    `Status:\t${ns.status.phase}`,
    '',
    'No resource quota.',
    '',
    'No LimitRange resource.',
  ]);
}
