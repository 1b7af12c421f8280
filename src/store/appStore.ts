/**
 * The one app store (zustand, vanilla): the cluster being shown, what is selected, language,
 * theme and notices. Created once outside React; components read it through narrow selectors.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  type ClusterConfig,
  type NodeName,
  type RuntimeName,
  MAX_NODES,
  MIN_NODES,
} from '../engine/clusterConfig';
import { buildTopology, type ComponentId, type Topology } from '../engine/topology';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Theme = 'light' | 'dark';

/** What the inspector shows: a component, or a node as a whole. */
export type Selection =
  | { readonly kind: 'component'; readonly id: ComponentId }
  | { readonly kind: 'node'; readonly name: NodeName };

/** A URL parameter that was ignored; the UI words it in the current language. */
export interface ParamNotice {
  readonly name: string;
  readonly value: string;
  readonly expected: 'expectNodes' | 'expectRuntime' | 'expectLang' | 'expectTheme';
  readonly fallback: string;
}

export interface AppState {
  readonly config: ClusterConfig;
  readonly topology: Topology;
  readonly language: Language;
  /** null follows the system's preference. */
  readonly theme: Theme | null;
  readonly selection: Selection | null;
  /** The selection was made from the keyboard: the Details panel takes focus when it opens. */
  readonly focusDetails: boolean;
  readonly notices: readonly ParamNotice[];
}

export interface AppActions {
  select(selection: Selection | null, options?: { readonly fromKeyboard?: boolean }): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setNodeCount(count: number): void;
  setRuntime(runtime: RuntimeName): void;
  dismissNotice(notice: ParamNotice): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export interface AppStoreInit {
  readonly config: ClusterConfig;
  readonly language: Language;
  readonly theme: Theme | null;
  readonly notices?: readonly ParamNotice[];
}

/** Whether the selection still names something in the topology (a node may have been removed). */
function stillExists(selection: Selection | null, topology: Topology): boolean {
  if (!selection) return true;
  if (selection.kind === 'node') return topology.nodes.some((n) => n.name === selection.name);
  return topology.components.some((c) => c.id === selection.id);
}

export function createAppStore(init: AppStoreInit): AppStore {
  return createStore<AppState & AppActions>()((set, get) => {
    const reconfigure = (config: ClusterConfig) => {
      const topology = buildTopology(config);
      const { selection } = get();
      set({ config, topology, selection: stillExists(selection, topology) ? selection : null });
    };
    return {
      config: init.config,
      topology: buildTopology(init.config),
      language: init.language,
      theme: init.theme,
      selection: null,
      focusDetails: false,
      notices: init.notices ?? [],
      select: (selection, options) => set({ selection, focusDetails: options?.fromKeyboard ?? false }),
      setLanguage: (language) => set({ language }),
      setTheme: (theme) => set({ theme }),
      setNodeCount: (count) => {
        const nodeCount = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.round(count)));
        if (nodeCount !== get().config.nodeCount) reconfigure({ ...get().config, nodeCount });
      },
      setRuntime: (runtime) => {
        if (runtime !== get().config.runtime) reconfigure({ ...get().config, runtime });
      },
      dismissNotice: (notice) => set({ notices: get().notices.filter((n) => n !== notice) }),
    };
  });
}
