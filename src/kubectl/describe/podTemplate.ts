/** describe's `Pod Template:` block (DescribePodTemplate), for describe deployment and rollout history --revision. */
import type { PodTemplate } from '../../engine/api/types';
import { annotations, labels, tolerations } from './common';
import { container } from './containers';
import { volumeLines } from './volumes';

/** The block's lines, cells parted by `\t` (the caller's writer aligns them or not). */
export function podTemplateLines(t: PodTemplate): string[] {
  const l = ['Pod Template:', ...labels('Labels', t.metadata.labels, '  ')];
  if (Object.keys(t.metadata.annotations ?? {}).length)
    l.push(...annotations('Annotations', t.metadata.annotations, '  '));
  // The API server defaults a pod's service account, not a template's: only one set by hand is shown.
  if (t.spec.serviceAccountName && t.spec.serviceAccountName !== 'default')
    l.push(`  Service Account:\t${t.spec.serviceAccountName}`);
  l.push('  Containers:');
  for (const c of t.spec.containers) l.push(...container(c, undefined, '    ', '   ', false));
  l.push(...volumeLines(t.spec.volumes, '  '));
  if (t.spec.priorityClassName) l.push(`  Priority Class Name:\t${t.spec.priorityClassName}`);
  l.push(...labels('Node-Selectors', t.spec.nodeSelector, '  '), ...tolerations(t.spec.tolerations, '  '));
  return l;
}
