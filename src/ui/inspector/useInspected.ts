/** What the inspector is showing, resolved from the selection: its title, icon, text and badges. */
import { useTranslation } from 'react-i18next';
import type { RunsAs } from '../../engine/topology';
import { runsAs } from '../../engine/topology';
import type { ComponentText } from '../../i18n/componentText';
import { CONTROL_PLANE_ICON, NODE_ICON, componentIcon } from '../icons/icons';
import { useAppStore } from '../storeContext';
import { componentTextKey, nodeTextKey } from '../diagram/textKey';

export interface Inspected {
  readonly title: string;
  readonly node?: string;
  readonly icon: string;
  readonly text: ComponentText;
  readonly addon: boolean;
  readonly runsAs?: RunsAs;
}

export function useInspected(): Inspected | null {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.selection);
  const topology = useAppStore((s) => s.topology);
  const runtime = useAppStore((s) => s.config.runtime);
  if (!selection) return null;

  if (selection.kind === 'node') {
    const node = topology.nodes.find((n) => n.name === selection.name);
    if (!node) return null;
    const text = t(`components.${nodeTextKey(node)}`, {
      returnObjects: true,
      node: node.name,
    }) as ComponentText;
    return { title: node.name, icon: node.controlPlane ? CONTROL_PLANE_ICON : NODE_ICON, text, addon: false };
  }

  const component = topology.components.find((c) => c.id === selection.id);
  if (!component) return null;
  const node = component.node ?? 'minikube';
  const text = t(`components.${componentTextKey(component, runtime)}`, {
    returnObjects: true,
    node,
    runtime,
  }) as ComponentText;
  return {
    title: component.name,
    ...(component.node ? { node: component.node } : {}),
    icon: componentIcon(component.kind, runtime),
    text,
    addon: component.placement === 'addon',
    runsAs: runsAs(component.kind),
  };
}
