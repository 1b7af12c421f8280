/**
 * What a terminal command needs and gives. A command is parsed once; a read (`kubectl get`,
 * `docker ps` inside a node) is answered from the objects at one moment, a write (`kubectl scale`,
 * `minikube node add`) is done to the running engine as kubectl would do it (API requests to
 * kube-apiserver) and prints when the answer comes back. The same code serves the page's terminal
 * (reads at the playback cursor, writes forking the run there) and the headless `npm run sim`.
 */
import type { ControlPlaneComponent } from '../engine/cluster';
import type { Kind, ObjectOfKind } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';
import type { RuntimeName } from '../engine/clusterConfig';
import type { ManifestPlaces } from './nodeShell/manifests';

/** The cluster's objects at one moment, as kubectl can see them (and what `minikube` knows). */
export interface ClusterReader {
  /**
   * The moment, in virtual ms. Objects' timestamps are ISO strings of RUN_EPOCH_MS + virtual ms
   * (engine/core/time.ts), so an AGE is `RUN_EPOCH_MS + now - Date.parse(creationTimestamp)`.
   */
  readonly now: number;
  list<K extends Kind>(kind: K, namespace?: string): ObjectOfKind<K>[];
  get<K extends Kind>(kind: K, namespace: string | undefined, name: string): ObjectOfKind<K> | undefined;
  readonly runtime: RuntimeName;
  /** minikube's addons and whether each is enabled. */
  readonly addons: ReadonlyMap<string, boolean>;
  /** The machines minikube knows (whether or not they run), in order. */
  readonly machines: readonly string[];
  /** Control-plane manifests moved out of /etc/kubernetes/manifests, and where to (none if absent). */
  readonly manifestPlaces?: ManifestPlaces;
  /** kube-apiserver is stopped: every kubectl request is refused. */
  readonly apiServerDown?: boolean;
  /**
   * The control-plane processes not running at that moment (where the reader knows): with etcd
   * among them kube-apiserver answers reads with etcd's timeout; componentstatuses probes them.
   */
  readonly processesDown?: ReadonlySet<ControlPlaneComponent>;
  /** The nodes whose kubelet is stopped (where the reader knows). */
  readonly kubeletsDown?: ReadonlySet<string>;
  /**
   * When each node's kubelet last started or stopped, in virtual ms, where the reader knows (a node
   * missing here: its kubelet has run since the node joined).
   */
  readonly kubeletsSince?: ReadonlyMap<string, number>;
  /**
   * The run's history, where the reader keeps it: the moments after `since` (to `now`) at which
   * objects of `kind` changed, and the objects as they were at any moment. A watch prints each
   * change from it, as kubectl hears every watch event, not only how things stand at each look.
   */
  readonly history?: ReaderHistory;
  /** `kubectl describe --show-events=false`: describers leave their Events section out. */
  readonly hideEvents?: boolean;
}

export interface ReaderHistory {
  changedAt(kind: Kind, since: number): readonly number[];
  /**
   * The cluster at an earlier moment (only its objects and `now` differ from the reader's). Ask for
   * moments in order and read each before asking for the next: a reader may share its objects
   * with the next one.
   */
  at(t: number): ClusterReader;
}

/** What the terminal prints for a command: text as the real tool prints it, and whether it failed. */
export interface Output {
  readonly text: string;
  /** Printed to stderr by the real tool (the terminal shows it in red) and exit code ≠ 0. */
  readonly error: boolean;
  /**
   * How many of text's first lines the real tool wrote to stderr although it succeeded (kubectl's
   * notes, e.g. `Found 3 pods, using pod/web-…`): shown as printed, but a pipe passes them by.
   */
  readonly stderrLines?: number;
}

/** Where the prompt is: the learner's machine, or inside a node after `minikube ssh`. */
export interface ShellState {
  /** null on the learner's machine; a node's name inside `minikube ssh`. */
  readonly node: string | null;
}

/** A parsed command line, ready to run. */
export type Command =
  /** Answered from the objects at one moment; changes nothing. */
  | { readonly type: 'read'; run(reader: ClusterReader, shell: ShellState): Output }
  /**
   * Changes the cluster: done to the running engine at its current time. `print` is called once
   * per line of output as the API answers (kubectl prints each object's result as it comes).
   */
  | {
      readonly type: 'write';
      /** How the command is shown in the run's record, e.g. `kubectl scale deployment web --replicas=5`. */
      readonly line: string;
      run(cluster: Cluster, print: (output: Output) => void): void;
      /**
       * What kubectl still waits for once it has printed its answers, asked after `run` (delete's
       * `--wait`: the deleted objects gone): a watch that prints nothing and ends then. None: the
       * command is done with its answers.
       */
      readonly waitAfter?: () => WatchCommand | null;
    }
  | WatchCommand
  /** Changes only the terminal: `clear`, `minikube ssh` (into a node), `exit`, `minikube dashboard`. */
  | {
      readonly type: 'terminal';
      readonly effect: TerminalEffect;
      readonly output?: Output;
      /**
       * Checked against the cluster before the effect (e.g. `minikube ssh -n NODE` needs the node):
       * an Output means print it as an error and leave the terminal as it is.
       */
      readonly check?: (reader: ClusterReader) => Output | null;
    }
  /** Refused before anything runs (unknown command, bad flag, bad input), with the real tool's words. */
  | { readonly type: 'error'; readonly output: Output };

/**
 * `kubectl get … -w`: prints the list once, then a line for each change as time goes on. The
 * terminal calls `next` with each later moment; it returns the lines to add (maybe none).
 */
export interface WatchCommand {
  readonly type: 'watch';
  first(reader: ClusterReader): Output;
  next(reader: ClusterReader): Output | null;
  /** True once the stream has ended and kubectl is back at the prompt (`rollout status`, `logs -f`). */
  ended?(): boolean;
}

export type TerminalEffect =
  | { readonly kind: 'clear' }
  | { readonly kind: 'enter'; readonly node: string }
  | { readonly kind: 'exit' }
  | { readonly kind: 'dashboard' }
  | { readonly kind: 'none' };

/** What a command line may read besides itself: a pasted or uploaded manifest (`apply -f -`, `apply -f web.yaml`). */
export interface CommandInput {
  readonly stdin?: string;
  readonly files?: ReadonlyMap<string, string>;
}
