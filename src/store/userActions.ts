/**
 * What a learner can do to the cluster from the Details panel. Each is recorded with the virtual
 * time it was done at and becomes part of the run: doing something at the cursor forks the run
 * there (the run is replayed up to that moment with the action added; what followed before is
 * replaced by what follows now).
 */
import type { Cluster, ControlPlaneComponent } from '../engine/cluster';
import { manifestPlacesAfter, type ManifestPlaces } from '../kubectl/nodeShell/manifests';

export { isControlPlaneComponent } from '../kubectl/nodeShell/manifests';
import type { RunSpec, TimedAction } from '../playback/run';

/**
 * A terminal command that changes the cluster (`kubectl scale`, `minikube node add`): re-parsed and
 * run each time the run is recorded; `id` is its entry in the terminal, which shows what it prints.
 */
export interface CommandAction {
  readonly type: 'command';
  readonly id: number;
  readonly line: string;
  /** The node's shell it was typed in (`minikube ssh`), if any. */
  readonly node?: string;
  /** A manifest given on stdin (`kubectl apply -f -`). */
  readonly stdin?: string;
}

/** Runs a recorded terminal command inside a run as it is recorded. */
export type CommandRunner = (action: CommandAction, cluster: Cluster) => void;

export type UserAction =
  | { readonly type: 'stopKubelet'; readonly node: string }
  | { readonly type: 'startKubelet'; readonly node: string }
  | { readonly type: 'stopNode'; readonly node: string }
  | { readonly type: 'startNode'; readonly node: string }
  | { readonly type: 'cordon'; readonly node: string }
  | { readonly type: 'uncordon'; readonly node: string }
  | { readonly type: 'deletePod'; readonly namespace: string; readonly name: string }
  /** A control-plane component stopped or started: its static pod's manifest moved out or back. */
  | { readonly type: 'stopComponent'; readonly component: ControlPlaneComponent }
  | { readonly type: 'startComponent'; readonly component: ControlPlaneComponent }
  | CommandAction;

export interface RecordedAction {
  readonly at: number;
  readonly action: UserAction;
}

function toTimed({ at, action }: RecordedAction, commands?: CommandRunner): TimedAction {
  return {
    at,
    run: (c) => {
      switch (action.type) {
        case 'stopKubelet':
          return c.stopKubelet(action.node);
        case 'startKubelet':
          return c.startKubelet(action.node);
        case 'stopNode':
          return c.stopNode(action.node);
        case 'startNode':
          return c.startNode(action.node);
        case 'cordon':
          return c.cordon(action.node);
        case 'uncordon':
          return c.uncordon(action.node);
        case 'deletePod':
          return c.delete('Pod', action.namespace, action.name);
        case 'stopComponent':
          return c.stopComponent(action.component);
        case 'startComponent':
          return c.startComponent(action.component);
        case 'command':
          return commands?.(action, c);
      }
    },
  };
}

/** The run with the learner's actions added to what the scenario does by itself. */
export function withActions(
  spec: RunSpec,
  actions: readonly RecordedAction[],
  startAt: number,
  commands?: CommandRunner,
): RunSpec {
  return { ...spec, startAt, actions: [...spec.actions, ...actions.map((a) => toTimed(a, commands))] };
}

const SYSTEMCTL_KUBELET = /^\s*sudo\s+systemctl\s+(stop|start|restart)\s+kubelet(?:\.service)?\s*$/;

/**
 * Whether the node's kubelet (or the whole node) is stopped at virtual time `t`, by the learner's
 * actions, and since when the kubelet is in that state (undefined: no action changed it).
 */
export function nodeStoppedAt(
  actions: readonly RecordedAction[],
  node: string,
  t: number,
): { kubelet: boolean; machine: boolean; kubeletSince?: number } {
  let kubelet = false;
  let machine = false;
  let kubeletSince: number | undefined;
  for (const { at, action } of actions) {
    if (at > t || !('node' in action) || action.node !== node) continue;
    const before: boolean = kubelet;
    // `sudo systemctl stop|start|restart kubelet` typed in the node's shell.
    const systemctl = action.type === 'command' ? SYSTEMCTL_KUBELET.exec(action.line) : null;
    if (systemctl) kubelet = systemctl[1] === 'stop';
    if (action.type === 'stopKubelet') kubelet = true;
    if (action.type === 'startKubelet') kubelet = false;
    if (action.type === 'stopNode') machine = kubelet = true;
    if (action.type === 'startNode') machine = kubelet = false;
    // A restart starts a new process even though the kubelet was running.
    if (kubelet !== before || systemctl?.[1] === 'restart') kubeletSince = at;
  }
  return kubeletSince === undefined ? { kubelet, machine } : { kubelet, machine, kubeletSince };
}

/** Each recorded action's moment with the manifest places after it, made once per action list. */
const manifestTimelines = new WeakMap<readonly RecordedAction[], { at: number; places: ManifestPlaces }[]>();

/**
 * Where the control-plane manifests are at virtual time `t`: moved by the learner's `mv` in a
 * node's shell, or by Stop and Start in the Details panel (as the engine moves them). Asked on
 * every frame by the diagram, so the replay is done once per action list.
 */
export function manifestPlacesAt(
  actions: readonly RecordedAction[],
  t: number,
  controlPlane: string,
): ManifestPlaces {
  let timeline = manifestTimelines.get(actions);
  if (!timeline) {
    timeline = [];
    const moves = [];
    for (const { at, action } of actions) {
      if (action.type === 'command') moves.push(action);
      else if (action.type === 'stopComponent' || action.type === 'startComponent')
        moves.push({ component: action.component, stop: action.type === 'stopComponent' });
      else continue;
      timeline.push({ at, places: manifestPlacesAfter(moves, controlPlane) });
    }
    manifestTimelines.set(actions, timeline);
  }
  let places: ManifestPlaces = NONE;
  for (const step of timeline) if (step.at <= t) places = step.places;
  return places;
}

const NONE: ManifestPlaces = new Map();
