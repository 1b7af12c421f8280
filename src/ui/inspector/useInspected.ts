/** What the inspector is showing, resolved from the selection: its title, icon, text and badges. */
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { loadComponentDetails } from '../../i18n/i18n';
import type { Placement, RunsAs } from '../../engine/topology';
import { runsAs } from '../../engine/topology';
import type { ComponentText } from '../../i18n/componentText';
import { CONTROL_PLANE_ICON, NODE_ICON, componentIcon } from '../icons/icons';
import { useAppStore } from '../storeContext';
import { componentTextKey, nodeTextKey } from '../diagram/textKey';

/** What kind of part of the architecture it is, for the badge under the title. */
export type Category = 'controlPlaneComponent' | 'nodeComponent' | 'addon' | 'client';

export interface Inspected {
  readonly title: string;
  readonly node?: string;
  readonly icon: string;
  readonly text: ComponentText;
  readonly category?: Category;
  readonly runsAs?: RunsAs;
}

const CATEGORIES: Record<Placement, Category> = {
  'control-plane': 'controlPlaneComponent',
  node: 'nodeComponent',
  addon: 'addon',
  outside: 'client',
};

/** Suspends until the components' Details text is loaded in the language shown (its own chunk). */
export function useComponentDetails(): void {
  const { i18n } = useTranslation();
  use(loadComponentDetails(i18n, i18n.language));
}

/** The command that lists a node's containers: docker's own CLI, or crictl for the CRI-native runtimes. */
const psCommand = (runtime: string) => (runtime === 'docker' ? 'docker ps' : 'sudo crictl ps');

export function useInspected(): Inspected | null {
  const { t } = useTranslation();
  const selection = useAppStore((s) => s.selection);
  const topology = useAppStore((s) => s.topology);
  const runtime = useAppStore((s) => s.config.runtime);
  if (!selection) return null;
  const vars = { returnObjects: true as const, runtime, ps: psCommand(runtime) };

  if (selection.kind === 'node') {
    const node = topology.nodes.find((n) => n.name === selection.name);
    if (!node) return null;
    const text = t(`components.${nodeTextKey(node)}`, { ...vars, node: node.name }) as ComponentText;
    return { title: node.name, icon: node.controlPlane ? CONTROL_PLANE_ICON : NODE_ICON, text };
  }

  if (selection.kind === 'pod') return null;
  const component = topology.components.find((c) => c.id === selection.id);
  if (!component) return null;
  const text = t(`components.${componentTextKey(component, runtime)}`, {
    ...vars,
    node: component.node ?? 'minikube',
  }) as ComponentText;
  return {
    title: component.name,
    ...(component.node ? { node: component.node } : {}),
    icon: componentIcon(component.kind, runtime),
    text,
    category: CATEGORIES[component.placement],
    runsAs: runsAs(component.kind),
  };
}
