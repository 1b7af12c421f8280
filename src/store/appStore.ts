/**
 * The one app store (zustand, vanilla): the cluster being shown and its recorded run, the playback
 * cursor, what is selected, language, theme and notices. Created once outside React; components
 * read it through narrow selectors. The player moves the cursor; the store hears of it at most ten
 * times a second while playing (flying messages are drawn from the player's frames, not from here).
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
import type { ChangeKind, FrameClock, Player, PlayerOptions } from '../playback/player';
import type { RunSpec } from '../playback/run';
import type { HeartbeatMode } from '../playback/presentation';
import { deriveClusterView, EMPTY_VIEW, type ClusterView } from './clusterView';
import { DEFAULT_PODS, DEFAULT_SEED, freePlaySpec } from './freePlay';
import { withActions, type RecordedAction, type UserAction } from './userActions';

export type { Flight, HeartbeatMode } from '../playback/presentation';
export type { Player } from '../playback/player';
export type { UserAction } from './userActions';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Theme = 'light' | 'dark';

/** What the inspector shows: a component, a node as a whole, or a pod. */
export type Selection =
  | { readonly kind: 'component'; readonly id: ComponentId }
  | { readonly kind: 'node'; readonly name: NodeName }
  | { readonly kind: 'pod'; readonly namespace: string; readonly name: string };

/** A URL parameter that was ignored; the UI words it in the current language. */
export interface ParamNotice {
  readonly name: string;
  readonly value: string;
  readonly expected:
    | 'expectNodes'
    | 'expectRuntime'
    | 'expectLang'
    | 'expectTheme'
    | 'expectSpeed'
    | 'expectSeed'
    | 'expectPods'
    | 'expectAutoplay';
  readonly fallback: string;
}

/** The playback cursor and controls, as the UI shows them. */
export interface PlaybackState {
  readonly playing: boolean;
  readonly speed: number;
  /** Presentation ms. */
  readonly cursor: number;
  /** Presentation ms of the recorded end. */
  readonly end: number;
  /** The cluster's own clock at the cursor (virtual ms). */
  readonly virtualTime: number;
  readonly heartbeats: HeartbeatMode;
  /** Changes whenever the objects at the cursor do. */
  readonly objectsVersion: number;
  /** How many trace messages are recorded (grows while recording). */
  readonly recorded: number;
  /** The starting moment is recorded and shown (false while the engine loads or records up to it). */
  readonly ready: boolean;
}

export interface AppState {
  readonly config: ClusterConfig;
  readonly seed: number;
  /** Replicas of free play's demo Deployment. */
  readonly pods: number;
  readonly topology: Topology;
  /** The recorded run and its cursor (null until the engine has loaded); replaced when the cluster is reconfigured. */
  readonly player: Player | null;
  readonly playback: PlaybackState;
  /** The cluster's objects at the cursor, as the diagram draws them. */
  readonly view: ClusterView;
  readonly language: Language;
  /** null follows the system's preference. */
  readonly theme: Theme | null;
  readonly selection: Selection | null;
  /** The selection was made from the keyboard: the Details panel takes focus when it opens. */
  readonly focusDetails: boolean;
  readonly notices: readonly ParamNotice[];
  readonly shortcutsOpen: boolean;
  /** What the learner has done to the cluster, at which virtual times. */
  readonly actions: readonly RecordedAction[];
}

export interface AppActions {
  select(selection: Selection | null, options?: { readonly fromKeyboard?: boolean }): void;
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  setNodeCount(count: number): void;
  setRuntime(runtime: RuntimeName): void;
  dismissNotice(notice: ParamNotice): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  restart(): void;
  /** Moves the cursor to presentation time `p`. */
  seek(p: number): void;
  seekVirtual(v: number): void;
  seekMessage(id: number): void;
  setSpeed(speed: number): void;
  setHeartbeats(mode: HeartbeatMode): void;
  setShortcutsOpen(open: boolean): void;
  /** Does something to the cluster at the cursor: the run forks there. */
  perform(action: UserAction): void;
}

export type AppStore = StoreApi<AppState & AppActions>;

export interface AppStoreInit {
  readonly config: ClusterConfig;
  readonly language: Language;
  readonly theme: Theme | null;
  readonly notices?: readonly ParamNotice[];
  readonly seed?: number;
  readonly pods?: number;
  readonly speed?: number;
  readonly autoplay?: boolean;
  /** The wall clock and frames (tests drive their own). */
  readonly clock: FrameClock;
  /** The simulation and player: loaded after the first paint in the page, given at once in tests. */
  readonly engine: PlaybackEngine | Promise<PlaybackEngine>;
}

/** What the store needs of the lazily loaded engine. */
export interface PlaybackEngine {
  createPlayer(spec: RunSpec, clock: FrameClock, options: PlayerOptions): Player;
}

const IDLE_PLAYBACK: PlaybackState = {
  playing: false,
  speed: 1,
  cursor: 0,
  end: 0,
  virtualTime: 0,
  heartbeats: 'dim',
  objectsVersion: -1,
  recorded: 0,
  ready: false,
};

/** Whether the selection still names something in the topology (a node may have been removed). */
function stillExists(selection: Selection | null, topology: Topology): boolean {
  if (!selection) return true;
  if (selection.kind === 'node') return topology.nodes.some((n) => n.name === selection.name);
  if (selection.kind === 'pod') return false;
  return topology.components.some((c) => c.id === selection.id);
}

const nothing = () => {};
const NO_PLAYER = {
  play: nothing,
  pause: nothing,
  toggle: nothing,
  stepForward: nothing,
  stepBack: nothing,
  restart: nothing,
  seek: nothing,
  seekVirtual: nothing,
  seekMessage: nothing,
  setSpeed: nothing,
  setHeartbeats: nothing,
};

function snapshot(player: Player, withObjects = true): PlaybackState {
  return {
    playing: player.playing,
    speed: player.speed,
    cursor: player.cursor,
    end: player.end,
    virtualTime: player.virtualTime,
    heartbeats: player.heartbeats,
    objectsVersion: withObjects ? player.objectsVersion : -1,
    recorded: player.run.cluster.sim.trace.length,
    ready: player.ready,
  };
}

export function createAppStore(init: AppStoreInit): AppStore {
  const { clock } = init;
  let engine: PlaybackEngine | null = null;
  const seed = init.seed ?? DEFAULT_SEED;
  const pods = init.pods ?? DEFAULT_PODS;
  return createStore<AppState & AppActions>()((set, get) => {
    let unsubscribe = () => {};
    /** Builds the run for a config and follows its player (no player until the engine is loaded). */
    const start = (
      config: ClusterConfig,
      speed: number,
      fork?: {
        readonly actions: readonly RecordedAction[];
        readonly at: number;
        readonly heartbeats: HeartbeatMode;
      },
    ) => {
      unsubscribe();
      const topology = buildTopology(config);
      if (!engine) return { player: null, topology, playback: { ...IDLE_PLAYBACK, speed }, view: EMPTY_VIEW };
      const base = freePlaySpec(config, seed, pods);
      const spec = fork ? withActions(base, fork.actions, fork.at) : base;
      const player = engine.createPlayer(spec, clock, {
        speed,
        ...(fork ? { heartbeats: fork.heartbeats } : {}),
      });
      const names = topology.nodes.map((n) => n.name);
      const refresh = (what: ChangeKind) => {
        const state = get();
        if (state.player !== player) return;
        if (what === 'time') {
          // The cursor only: the objects (and the diagram drawn from them) follow two frames later.
          set({ playback: { ...snapshot(player, false), objectsVersion: state.playback.objectsVersion } });
          return;
        }
        const playback = snapshot(player);
        const view =
          playback.objectsVersion === state.playback.objectsVersion
            ? state.view
            : deriveClusterView(player.objectsNow(), names, state.view);
        set({ playback, view });
      };
      unsubscribe = player.onChange(refresh);
      const playback = snapshot(player);
      return {
        player,
        topology,
        playback,
        view: deriveClusterView(player.objectsNow(), names, EMPTY_VIEW),
      };
    };
    const reconfigure = (config: ClusterConfig) => {
      const { selection, player, playback } = get();
      const speed = playback.speed;
      player?.dispose();
      const next = start(config, speed);
      set({
        config,
        ...next,
        actions: [],
        selection: stillExists(selection, next.topology) ? selection : null,
      });
    };
    const attach = (loaded: PlaybackEngine) => {
      engine = loaded;
      const next = start(get().config, get().playback.speed);
      set(next);
      if (init.autoplay) next.player?.play();
    };
    if (init.engine instanceof Promise) void init.engine.then(attach);
    else engine = init.engine;
    const initial = start(init.config, init.speed ?? 1);
    if (init.autoplay) initial.player?.play();
    /** Runs `fn` on the player once there is one; controls do nothing before the engine has loaded. */
    const player = () => get().player ?? NO_PLAYER;
    return {
      config: init.config,
      seed,
      pods,
      ...initial,
      language: init.language,
      theme: init.theme,
      selection: null,
      focusDetails: false,
      notices: init.notices ?? [],
      shortcutsOpen: false,
      actions: [],
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
      play: () => player().play(),
      pause: () => player().pause(),
      togglePlay: () => player().toggle(),
      stepForward: () => player().stepForward(),
      stepBack: () => player().stepBack(),
      restart: () => player().restart(),
      seek: (p) => player().seek(p),
      seekVirtual: (v) => player().seekVirtual(v),
      seekMessage: (id) => player().seekMessage(id),
      setSpeed: (speed) => {
        const current = get().player;
        if (current) current.setSpeed(speed);
        else set({ playback: { ...get().playback, speed } });
      },
      setHeartbeats: (mode) => player().setHeartbeats(mode),
      setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
      perform: (action) => {
        const { player: current, config, playback } = get();
        if (!current) return;
        const at = Math.round(current.virtualTime);
        const wasPlaying = current.playing;
        // The future after the cursor is rewritten: earlier actions stay, later ones go.
        const actions = [...get().actions.filter((a) => a.at <= at), { at, action }];
        current.dispose();
        const next = start(config, playback.speed, { actions, at, heartbeats: playback.heartbeats });
        set({ ...next, actions });
        // A fork is replayed at once: the learner stays exactly where they acted.
        next.player?.seekVirtual(at);
        if (wasPlaying) next.player?.play();
      },
    };
  });
}
