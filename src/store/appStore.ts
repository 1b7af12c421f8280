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
import { buildTopology, componentId, type ComponentId, type Topology } from '../engine/topology';
import type { ChangeKind, FrameClock, Player, PlayerOptions } from '../playback/player';
import type { RunSpec } from '../playback/run';
import type { HeartbeatMode } from '../playback/presentation';
import { deriveClusterView, EMPTY_VIEW, type ClusterView } from './clusterView';
import { DEFAULT_PODS, DEFAULT_SEED, freePlaySpec } from './freePlay';
import {
  inspectTarget,
  resolveFocus,
  scenarioConfig,
  WORKFLOWS,
  type GuideState,
  type Scenario,
} from './guide';
import { runLog, type RunLog } from './runLog';
import { withActions, type RecordedAction, type UserAction } from './userActions';
import { showsMachines, topologyOf } from './machines';
import { changeMoments } from '../kubectl/history';
import { CONTROL_PLANE_COMPONENTS } from '../kubectl/nodeShell/manifests';
import type { ControlPlaneComponent } from '../engine/cluster';
import type { createTerminal, KubectlModule, Terminal } from './terminal';
import { EMPTY_TERMINAL, type TerminalState } from './terminalState';
import type { Output } from '../kubectl/types';

export type { Flight, HeartbeatMode } from '../playback/presentation';
export type { Player } from '../playback/player';
export type { UserAction } from './userActions';
export type { TerminalEntry, TerminalState } from './terminalState';
export { promptOf } from './terminalState';
export type { GuideState, Scenario, Step, Text, Prediction, WorkflowEntry } from './guide';
export { WORKFLOWS } from './guide';
export type { RunLog } from './runLog';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Theme = 'light' | 'dark';
/** What the panel below the diagram shows. */
export type BottomPanel = 'events' | 'messages' | 'terminal';

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
    | 'expectAutoplay'
    | 'expectScenario'
    | 'expectStep'
    | 'expectEmbed'
    | 'expectSteps'
    | 'badScenario';
  readonly fallback: string;
  /** What went wrong, for a workflow file that could not be used. */
  readonly detail?: string;
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
  /** The guided workflow being followed; null in free play. */
  readonly guide: GuideState | null;
  /** Steps advance by themselves (`autoplay=1` in a workflow). */
  readonly autoplay: boolean;
  /** Only the diagram, playback and narration: the page is embedded in a course page. */
  readonly embed: boolean;
  /** The steps a locked embed may show (0-based, inclusive); null: all of them. */
  readonly stepRange: { readonly from: number; readonly to: number } | null;
  /** The terminal: what was typed and printed, the history, the shell the prompt is in. */
  readonly terminal: TerminalState;
  readonly panel: BottomPanel;
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
  /**
   * Follows a workflow from step `step` (0-based), or goes back to free play with null. `source` is
   * what the URL names it by (its id, or the path of a course author's file).
   */
  openScenario(scenario: Scenario | null, step?: number, source?: string): void;
  /** Opens a built-in workflow by id (loading it first), or free play with null. */
  openWorkflow(id: string | null): void;
  /** Shows a notice (e.g. a workflow file that could not be loaded). */
  addNotice(notice: ParamNotice): void;
  /** The run so far (to the cursor) as a JSON-ready log; null before the engine has loaded. */
  runLog(): RunLog | null;
  /** Goes to step `step` of the workflow and plays it (or asks its prediction first). */
  goToStep(step: number): void;
  nextStep(): void;
  previousStep(): void;
  /** Jumps to where the step being played is done (a long wait of cluster time, skipped). */
  skipStep(): void;
  /** The learner's guess at the step's prediction; the step then plays and reveals the answer. */
  predict(choice: string | null): void;
  /**
   * Runs a terminal line: a read answers from the objects at the cursor, a write forks the run
   * there and plays on, a watch prints as the cursor moves on. `input` is a manifest on stdin.
   */
  runCommand(line: string, input?: { readonly stdin?: string }): void;
  /** Ctrl+C: stops a watch. */
  interruptCommand(): void;
  clearTerminal(): void;
  /** Tab: the candidates for the word being typed at the end of `line`. */
  completeCommand(line: string): string[];
  /** Fetches kubectl's code ahead of the first command. */
  loadTerminal(): Promise<void>;
  /** What kubectl refuses in this line before running it (null: it would run, or kubectl is not loaded). */
  checkCommand(line: string, input?: { readonly stdin?: string }): Output | null;
  setPanel(panel: BottomPanel): void;
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
  readonly embed?: boolean;
  /** Locks the workflow to these steps (0-based, inclusive). */
  readonly steps?: { readonly from: number; readonly to: number };
  /** kubectl's code (tests give it at once; the page loads it when the terminal is first used). */
  readonly kubectl?: KubectlModule;
  /** A workflow to open at a step (0-based); loaded lazily, so it may still be on its way. */
  readonly guide?: {
    readonly scenario: Scenario | Promise<Scenario | null>;
    readonly step?: number;
    readonly source?: string;
  };
}

/** What the store needs of the lazily loaded engine (src/store/engine.ts). */
export interface PlaybackEngine {
  createPlayer(spec: RunSpec, clock: FrameClock, options: PlayerOptions): Player;
  /** The run a workflow makes. */
  scenarioSpec(scenario: Scenario, config: ClusterConfig, seed: number): RunSpec;
  readonly createTerminal: typeof createTerminal;
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
  const initialScenario = init.guide?.scenario;
  /** The workflow the run is built from (null: free play); a workflow still loading holds the run back. */
  let scenario: Scenario | null =
    initialScenario && !(initialScenario instanceof Promise) ? initialScenario : null;
  let scenarioLoading = initialScenario instanceof Promise;
  return createStore<AppState & AppActions>()((set, get) => {
    let unsubscribe = () => {};
    /** The terminal's logic: it comes with the engine (until then, commands wait for it). */
    let terminal: Terminal | null = null;
    const waitingForTerminal: ((t: Terminal) => void)[] = [];
    const withTerminal = (fn: (t: Terminal) => void) => {
      if (terminal) fn(terminal);
      else waitingForTerminal.push(fn);
    };
    const makeTerminal = (loaded: PlaybackEngine) => {
      terminal = loaded.createTerminal(
        {
          getTerminal: () => get().terminal,
          setTerminal: (next) => set({ terminal: next }),
          cursorNow: () => {
            const { player: current, config, topology, actions } = get();
            if (!current) return null;
            return {
              objects: current.objectsNow(),
              now: current.virtualTime,
              runtime: config.runtime,
              machines: topology.nodes.map((n) => n.name),
              actions,
              processesDown: new Set(
                CONTROL_PLANE_COMPONENTS.filter((c) => !current.run.cluster.wasUp(c, current.virtualTime)),
              ),
              changedAt: (kind, since) =>
                changeMoments(current.run.cluster.etcd.changes, kind, since, current.virtualTime),
              objectsAt: (t) => current.objectsAt(t),
            };
          },
          performCommand: (action) => {
            get().perform(action);
            const { player: current, guide, terminal: shown } = get();
            // The learner sees the command being done: kubectl's request, then what follows, up to
            // its answer. A command refused at once (only errors printed, nothing sent) changed
            // nothing: there is nothing to watch.
            if (!current || current.playing) return;
            const entry = shown.entries.find((e) => e.id === action.id);
            const printed = entry?.output ?? [];
            if (!entry?.pending?.length && printed.length > 0 && printed.every((o) => o.error)) return;
            if (guide && guide.phase === 'playing') current.playToEndOf(guide.step);
            else current.playThrough();
          },
          openDashboard: () =>
            set({ selection: { kind: 'component', id: componentId('dashboard') }, focusDetails: false }),
        },
        // kubectl and the YAML parser its apply needs (replays parse manifests synchronously).
        () => import('../kubectl').then((m) => m.prepareManifests().then(() => m)),
        init.kubectl,
      );
      for (const fn of waitingForTerminal.splice(0)) fn(terminal);
    };
    /** Resolves once the terminal's logic is there. */
    const terminalReady = () => new Promise<Terminal>((resolve) => withTerminal(resolve));
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
      if (!engine || scenarioLoading)
        return { player: null, topology, playback: { ...IDLE_PLAYBACK, speed }, view: EMPTY_VIEW };
      const base = scenario ? engine.scenarioSpec(scenario, config, seed) : freePlaySpec(config, seed, pods);
      const replay = terminal?.replay ?? (() => {});
      const spec = fork ? withActions(base, fork.actions, fork.at, replay) : base;
      const player = engine.createPlayer(spec, clock, {
        speed,
        ...(fork ? { heartbeats: fork.heartbeats } : {}),
      });
      const refresh = (what: ChangeKind) => {
        const state = get();
        if (state.player !== player) return;
        if (what === 'time') {
          // The cursor only: the objects (and the diagram drawn from them) follow two frames later.
          set({ playback: { ...snapshot(player, false), objectsVersion: state.playback.objectsVersion } });
          // A write's answer recorded by now is printed, whether or not an object changed then.
          terminal?.timeMoved();
          return;
        }
        const playback = snapshot(player);
        const moved = playback.objectsVersion !== state.playback.objectsVersion;
        const names = state.topology.nodes.map((n) => n.name);
        const view = moved ? deriveClusterView(player.objectsNow(), names, state.view) : state.view;
        set({ playback, view, guide: followCursor(state.guide, player, state.topology) });
        if (moved) terminal?.cursorMoved();
      };
      unsubscribe = player.onChange(refresh);
      const playback = snapshot(player);
      return {
        player,
        topology,
        playback,
        view: deriveClusterView(
          player.objectsNow(),
          topology.nodes.map((n) => n.name),
          EMPTY_VIEW,
        ),
      };
    };
    /** After a fork: the diagram shows the machines the run has (`minikube node add` / `node delete`). */
    const followMachines = () => {
      const { player: current, topology, config } = get();
      if (!current) return;
      const names = current.run.cluster.nodes.map((n) => n.name);
      if (showsMachines(topology, names)) return;
      set({
        topology: topologyOf(names, config.runtime),
        view: deriveClusterView(current.objectsNow(), names, EMPTY_VIEW),
      });
    };
    const reconfigure = (config: ClusterConfig) => {
      const { selection, player, playback, guide } = get();
      const speed = playback.speed;
      player?.dispose();
      const next = start(config, speed);
      set({
        config,
        ...next,
        actions: [],
        selection: stillExists(selection, next.topology) ? selection : null,
        guide: guide
          ? { ...guide, focus: resolveFocus(guide.scenario.steps[guide.step]?.focus, next.topology) }
          : null,
      });
      if (guide) goToStep(guide.step);
    };
    const attach = (loaded: PlaybackEngine) => {
      engine = loaded;
      makeTerminal(loaded);
      if (scenarioLoading) return;
      const next = start(get().config, get().playback.speed);
      set(next);
      const { guide } = get();
      if (guide) goToStep(guide.step);
      else if (init.autoplay) next.player?.play();
    };
    /** Shows step `step` and plays it, or waits at its beginning for the learner's guess. */
    const goToStep = (step: number) => {
      const { guide, player, topology } = get();
      if (!guide) return;
      const { from, to } = stepBounds(guide, get().stepRange);
      const index = Math.min(Math.max(from, Math.round(step)), to);
      const next = guide.scenario.steps[index];
      if (!next) return;
      const target = inspectTarget(next, topology);
      // The Details the last step opened close unless this step opens its own (the learner's own
      // choice stays): the step then looks as it does when opened straight from its address.
      const stale = !target && selectedByStep(get());
      set({
        guide: {
          ...guide,
          step: index,
          phase: next.predict ? 'predict' : 'playing',
          guess: null,
          answer: null,
          focus: resolveFocus(next.focus, topology),
        },
        ...(target ? { selection: { kind: 'component' as const, id: target }, focusDetails: false } : {}),
        ...(stale ? { selection: null } : {}),
      });
      if (!player) return;
      if (next.predict) player.showStep(index, 'start');
      else player.playStep(index);
    };
    const guidedPlay = () => {
      const { guide, player } = get();
      if (!guide || !player) return;
      if (guide.phase === 'done') {
        if (guide.step < stepBounds(guide, get().stepRange).to) goToStep(guide.step + 1);
        else if (!get().stepRange) player.playThrough();
        return;
      }
      if (guide.phase === 'predict') set({ guide: { ...guide, phase: 'playing' } });
      player.playToEndOf(guide.step);
    };
    /** Opens a workflow (or free play) with the current runtime; the run is rebuilt from scratch. */
    const openScenario = (next: Scenario | null, step = 0, source = next?.id ?? '') => {
      scenario = next;
      scenarioLoading = false;
      const { player, playback, config } = get();
      player?.dispose();
      const nextConfig = next ? scenarioConfig(next, config.runtime) : config;
      const started = start(nextConfig, playback.speed);
      set({
        config: nextConfig,
        ...started,
        actions: [],
        selection: null,
        guide: next
          ? {
              scenario: next,
              source,
              step: 0,
              phase: 'playing',
              guess: null,
              answer: null,
              focus: resolveFocus(next.steps[0]?.focus, started.topology),
            }
          : null,
      });
      const range = get().stepRange;
      if (next && range && range.to >= next.steps.length) {
        addNotice({
          name: 'steps',
          value: `${range.from + 1}-${range.to + 1}`,
          expected: 'expectSteps',
          fallback: '',
        });
        set({ stepRange: null });
      }
      const bounds = next ? stepBounds({ scenario: next }, get().stepRange) : { from: 0, to: 0 };
      if (next && (step >= next.steps.length || step < bounds.from || step > bounds.to)) {
        addNotice({
          name: 'step',
          value: String(step + 1),
          expected: 'expectStep',
          fallback: String(bounds.from + 1),
        });
        goToStep(bounds.from);
      } else if (next) goToStep(step);
    };
    const addNotice = (notice: ParamNotice) => {
      if (!get().notices.some((n) => n.name === notice.name && n.value === notice.value))
        set({ notices: [...get().notices, notice] });
    };
    if (initialScenario instanceof Promise)
      void initialScenario.then((loaded) => openScenario(loaded, init.guide?.step ?? 0, init.guide?.source));
    if (init.engine instanceof Promise) void init.engine.then(attach);
    else {
      engine = init.engine;
      makeTerminal(init.engine);
    }
    const initialConfig = scenario ? scenarioConfig(scenario, init.config.runtime) : init.config;
    const initial = start(initialConfig, init.speed ?? 1);
    if (init.autoplay && !scenario) initial.player?.play();
    /** Runs `fn` on the player once there is one; controls do nothing before the engine has loaded. */
    const player = () => get().player ?? NO_PLAYER;
    if (scenario && initial.player) queueMicrotask(() => goToStep(init.guide?.step ?? 0));
    return {
      config: initialConfig,
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
      guide: scenario
        ? {
            scenario,
            source: init.guide?.source ?? scenario.id,
            step: 0,
            phase: 'playing',
            guess: null,
            answer: null,
            focus: resolveFocus(scenario.steps[0]?.focus, initial.topology),
          }
        : null,
      autoplay: init.autoplay ?? false,
      embed: init.embed ?? false,
      stepRange: init.steps ?? null,
      terminal: init.kubectl
        ? { ...EMPTY_TERMINAL, loaded: true, manifestLimit: init.kubectl.MAX_MANIFEST_BYTES }
        : EMPTY_TERMINAL,
      runCommand: (line, input) => withTerminal((t) => t.run(line, input)),
      interruptCommand: () => withTerminal((t) => t.interrupt()),
      clearTerminal: () => withTerminal((t) => t.clear()),
      completeCommand: (line) => terminal?.complete(line) ?? [],
      loadTerminal: () => terminalReady().then((t) => t.load()),
      checkCommand: (line, input) => terminal?.check(line, input) ?? null,
      panel: 'events',
      setPanel: (panel) => set({ panel }),
      select: (selection, options) => set({ selection, focusDetails: options?.fromKeyboard ?? false }),
      setLanguage: (language) => set({ language }),
      setTheme: (theme) => set({ theme }),
      setNodeCount: (count) => {
        const nodeCount = Math.min(MAX_NODES, Math.max(MIN_NODES, Math.round(count)));
        // After `minikube node add` the cluster may have the count asked for without the config
        // saying so, or the config may say it without the cluster having it: either way, rebuilt.
        const { config, topology } = get();
        if (nodeCount !== config.nodeCount || nodeCount !== topology.nodes.length)
          reconfigure({ ...config, nodeCount });
      },
      setRuntime: (runtime) => {
        if (runtime !== get().config.runtime) reconfigure({ ...get().config, runtime });
      },
      dismissNotice: (notice) => set({ notices: get().notices.filter((n) => n !== notice) }),
      play: () => (get().guide ? guidedPlay() : player().play()),
      pause: () => player().pause(),
      togglePlay: () => {
        if (get().playback.playing || !get().guide) player().toggle();
        else guidedPlay();
      },
      stepForward: () => player().stepForward(),
      stepBack: () => player().stepBack(),
      restart: () => (get().guide ? goToStep(0) : player().restart()),
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
        const { player: current, config, playback, guide } = get();
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
        followMachines();
        if (wasPlaying) {
          if (guide && guide.phase !== 'done') next.player?.playToEndOf(guide.step);
          else next.player?.playThrough();
        }
      },
      openScenario,
      openWorkflow: (id) => {
        if (id === null) return openScenario(null);
        const entry = WORKFLOWS.find((w) => w.id === id);
        if (entry)
          void entry.load().then((loaded) => {
            set({ stepRange: null });
            openScenario(loaded, 0, id);
          });
      },
      addNotice,
      runLog: () => {
        const { player: current, config, guide } = get();
        if (!current) return null;
        return runLog(current, config, seed, guide ? { id: guide.source, step: guide.step + 1 } : null);
      },
      goToStep,
      nextStep: () => {
        const { guide, stepRange } = get();
        if (guide && guide.step < stepBounds(guide, stepRange).to) goToStep(guide.step + 1);
      },
      skipStep: () => {
        const { guide, player: current } = get();
        if (guide?.phase === 'playing') current?.showStep(guide.step, 'end');
      },
      previousStep: () => {
        const { guide, stepRange } = get();
        if (guide && guide.step > stepBounds(guide, stepRange).from) goToStep(guide.step - 1);
      },
      predict: (choice) => {
        const { guide, player: current } = get();
        if (!guide || guide.phase !== 'predict') return;
        set({ guide: { ...guide, guess: choice, phase: 'playing' } });
        current?.playToEndOf(guide.step);
      },
    };
  });
}

/**
 * The guide after the cursor moved: a step that has played to its end is done (its answer
 * revealed); a jump into another step (the timeline, the event log) makes that the current step.
 */
function followCursor(guide: GuideState | null, player: Player, topology: Topology): GuideState | null {
  if (!guide) return guide;
  const steps = player.run.steps;
  const v = player.virtualTime;
  let at = guide.step;
  const current = steps[at];
  if (current && (v < current.start || (current.end !== null && v > current.end + 1))) {
    at = -1;
    for (let i = 0; i < steps.length && steps[i]!.start <= v; i++) at = i;
  }
  if (at < 0) return guide;
  const record = steps[at];
  const finished = !!record && record.end !== null && v >= record.end && !player.playing;
  if (at === guide.step) {
    if (guide.phase === 'playing' && finished)
      return { ...guide, phase: 'done', answer: record?.answer ?? null };
    return guide;
  }
  return {
    ...guide,
    step: at,
    phase: finished ? 'done' : 'playing',
    guess: null,
    answer: finished ? (record?.answer ?? null) : null,
    focus: resolveFocus(guide.scenario.steps[at]?.focus, topology),
  };
}

/** The first and last step the learner may visit: the whole workflow, or an embed's locked range. */
export function stepBounds(
  guide: { readonly scenario: Scenario },
  range: { readonly from: number; readonly to: number } | null,
): { from: number; to: number } {
  const last = guide.scenario.steps.length - 1;
  if (!range || range.to > last) return { from: 0, to: last };
  return { from: range.from, to: range.to };
}

/**
 * Whether a control-plane component's process runs at the cursor (kubelet stops and starts it a
 * moment after its manifest moves); true before the run is loaded.
 */
export function runsAtCursor(s: AppState, component: ControlPlaneComponent): boolean {
  return s.player === null || s.player.run.cluster.wasUp(component, s.playback.virtualTime);
}

/** Whether the selection is the one the current workflow step made (its `inspect`), not the learner's. */
export function selectedByStep(s: Pick<AppState, 'guide' | 'selection' | 'topology'>): boolean {
  const step = s.guide?.scenario.steps[s.guide.step];
  return !!step && s.selection?.kind === 'component' && inspectTarget(step, s.topology) === s.selection.id;
}

/**
 * Whether a node's process (its kubelet, kube-proxy or runtime: the machine itself) runs at the
 * cursor. Before the node first joins they do not run either; the diagram says "joining" then.
 */
export function endpointUpAtCursor(s: AppState, endpoint: string): boolean {
  return s.player === null || s.player.run.cluster.sim.wasUp(endpoint as never, s.playback.virtualTime);
}

/** Whether the Dashboard addon runs at the cursor: off until `minikube addons enable dashboard`. */
export function dashboardRunsAtCursor(s: AppState): boolean {
  return s.player === null || s.player.run.cluster.sim.wasUp(DASHBOARD_ID, s.playback.virtualTime);
}

const DASHBOARD_ID = componentId('dashboard');
