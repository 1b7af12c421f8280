import type { ControlPlaneComponent } from '../engine/cluster';
/**
 * A guided workflow as data: the cluster it needs, what is done before it starts, and its steps.
 * The built-in workflows are written in exactly the shape a course author's JSON file has (see
 * README.md beside this file), so one schema, one validator and one player serve both.
 */

/** Text in both languages the app speaks. `{{name}}` placeholders are filled from the run. */
export interface Text {
  readonly en: string;
  readonly zh: string;
}

/** A label selector as kubectl writes it: `app=web` or `app=web,tier=front`. */
export type Selector = string;

/** Something done to the cluster, as kubectl, minikube or a fault would do it. */
export type Action =
  | { readonly apply: Record<string, unknown> }
  | { readonly delete: { readonly kind: string; readonly name: string; readonly namespace?: string } }
  /** Deletes the newest pod matching the selector (a pod's name is only known in the run). */
  | { readonly deletePod: { readonly selector: Selector; readonly namespace?: string } }
  | {
      readonly scale: { readonly deployment: string; readonly replicas: number; readonly namespace?: string };
    }
  | { readonly cordon: string }
  | { readonly uncordon: string }
  | { readonly drain: string }
  | {
      readonly taint: {
        readonly node: string;
        readonly key: string;
        readonly value?: string;
        readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
      };
    }
  | { readonly untaint: { readonly node: string; readonly key: string } }
  /** `kubectl label node <node> <key>=<value>`: sets (or changes) one label on a Node. */
  | { readonly label: { readonly node: string; readonly key: string; readonly value: string } }
  | { readonly startNode: string }
  | { readonly stopNode: string }
  | { readonly startKubelet: string }
  | { readonly stopKubelet: string }
  /** A control-plane component's manifest moved out of /etc/kubernetes/manifests (to /tmp), or back. */
  | { readonly stopComponent: ControlPlaneComponent }
  | { readonly startComponent: ControlPlaneComponent }
  | { readonly enableAddon: 'dashboard' }
  | { readonly disableAddon: 'dashboard' }
  /** A pod on `fromNode` connects to a Service through its node's kube-proxy rules. */
  | {
      readonly connect: {
        readonly fromNode: string;
        readonly service: string;
        readonly port: number;
        readonly namespace?: string;
      };
    }
  /** A pod on `fromNode` looks a name up through CoreDNS. */
  | { readonly resolve: { readonly fromNode: string; readonly name: string } };

/** When a step has done what it promises. Every field given must hold. */
export interface Until {
  /** At least this long after the step began (seconds of cluster time). */
  readonly seconds?: number;
  /** This many pods matching the selector are Running (all namespaces unless given). */
  readonly podsRunning?: { readonly selector: Selector; readonly count: number; readonly namespace?: string };
  /**
   * Exactly this many pods matching the selector exist, terminating ones included (all namespaces
   * unless given): after a scale-down or an eviction, the extra pods are really gone.
   */
  readonly podCount?: { readonly selector: Selector; readonly count: number; readonly namespace?: string };
  /** A pod matching the selector is Pending with PodScheduled=False (the scheduler found no node). */
  readonly podUnschedulable?: { readonly selector: Selector };
  /** This many pods matching the selector (default 1) are bound to a node. */
  readonly podScheduled?: { readonly selector: Selector; readonly count?: number };
  /** An Event with this reason was recorded since the step began (optionally about this kind of object). */
  readonly event?: { readonly reason: string; readonly kind?: string };
  /** A message since the step began, matched by kind, sender, receiver and part of its summary. */
  readonly message?: {
    readonly kind?: string;
    readonly from?: string;
    readonly to?: string;
    readonly summary?: string;
  };
  /** The node's Ready condition has this status ('True', 'False', 'Unknown'). */
  readonly nodeReady?: { readonly node: string; readonly status: 'True' | 'False' | 'Unknown' };
  /** The node carries a taint with this key. */
  readonly nodeTaint?: { readonly node: string; readonly key: string };
  /** The node no longer carries any taint with this key (e.g. once it is Ready again). */
  readonly nodeUntainted?: { readonly node: string; readonly key: string };
  /** The node carries this label (with this value). */
  readonly nodeLabel?: { readonly node: string; readonly key: string; readonly value: string };
  /** A Service has this many ready endpoints. */
  readonly endpoints?: { readonly service: string; readonly count: number; readonly namespace?: string };
  /** kube-proxy on every running node has rules sending each of the Service's ports to this many backends. */
  readonly proxyRules?: { readonly service: string; readonly count: number; readonly namespace?: string };
}

/** A "predict, then reveal" moment: the learner guesses before the step plays, then sees the answer. */
export interface Prediction {
  readonly question: Text;
  /** Fixed choices, or `nodes`: every node of the cluster. */
  readonly choices: readonly { readonly id: string; readonly label: Text }[] | 'nodes';
  /** The right choice's id, or where the run says it: the node of the newest pod matching a selector. */
  readonly answer: string | { readonly podNode: Selector };
  /** Why the answer is what it is, shown with it. */
  readonly explain: Text;
}

export interface Step {
  readonly title: Text;
  /** What happens, why, and which component does it. */
  readonly narration: Text;
  /** Done when the step begins. */
  readonly actions?: readonly Action[];
  /** When the step has done what it promises (default: 2 seconds). */
  readonly until?: Until;
  /** The longest the step may take, in seconds of cluster time (default 600). */
  readonly limit?: number;
  /**
   * What to look at: components by their diagram names (`kube-apiserver`, `etcd`, `kubelet` for
   * every node's, `kubelet minikube-m02` for one), and node names (`minikube-m02`).
   */
  readonly focus?: readonly string[];
  readonly predict?: Prediction;
  /** A component whose Details open with the step (e.g. `kube-scheduler` to show its decisions). */
  readonly inspect?: string;
  /** Commands the learner can run to see it for themselves (shown with a copy button). */
  readonly tryIt?: readonly string[];
}

export interface Scenario {
  /** Lowercase letters, digits and dashes; used in the URL (`?scenario=<id>`). */
  readonly id: string;
  readonly title: Text;
  /** One or two sentences on what the workflow shows. */
  readonly summary: Text;
  readonly cluster?: {
    /** 1–10 (default 1). */
    readonly nodes?: number;
    readonly runtime?: 'docker' | 'containerd' | 'cri-o';
    /** Nodes sized apart from the rest, by name: `{ "minikube-m03": { "cpu": "4", "memory": "8Gi" } }`. */
    readonly sizes?: Readonly<Record<string, { readonly cpu?: string; readonly memory?: string }>>;
    /** Nodes that stay off until a step starts them (`startNode`), to watch a node join. */
    readonly offAtStart?: readonly string[];
  };
  /** Done before the first step, which begins once `setupUntil` holds. */
  readonly setup?: readonly Action[];
  readonly setupUntil?: Until;
  readonly steps: readonly Step[];
}
