/** Moves keyboard focus back to what was selected, so closing the Details panel leaves you where you were. */
import type { Selection } from '../store/appStore';

export const nodeHeaderDomId = (name: string) => `node-header-${name}`;
export const componentDomId = (id: string) => `component-${id.replace('/', '--')}`;
export const podDomId = (namespace: string, name: string) => `pod-${namespace}--${name}`;

export function focusSelection(selection: Selection | null): void {
  if (!selection) return;
  const id =
    selection.kind === 'node'
      ? nodeHeaderDomId(selection.name)
      : selection.kind === 'pod'
        ? podDomId(selection.namespace, selection.name)
        : componentDomId(selection.id);
  document.getElementById(id)?.focus({ preventScroll: true });
}
