/**
 * kube-scheduler: watches pods and nodes, queues pods that have no node, and runs one scheduling
 * cycle at a time (Filter, Score, select). It assumes the winner at once, re-checks just before
 * binding, and binds through kube-apiserver (pods/binding). A pod no node can take stays Pending
 * with PodScheduled=False/Unschedulable and a FailedScheduling event.
 */
import type { Node, Pod } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { EventsV1Recorder } from '../client/eventsV1Recorder';
import { nodeNameAt } from '../clusterConfig';
import { Informer } from '../client/informer';
import { timestamp } from '../core/time';
import type { Sim } from '../sim';
import { componentId } from '../topology';
import { schedulePod, type Decision } from './algorithm';
import { FILTER_PLUGINS } from './profile';
import { NodeInfo, type AffinityPods } from './nodeInfo';
import { SchedulingQueue } from './queue';
import { cycleState } from './algorithm';
import { SCHEDULER_NAME } from './profile';
import { defaultSelector } from './plugins/podTopologySpread';

export const SCHEDULER = componentId('kube-scheduler');

/** A bind to a kube-apiserver that is down is refused, and the scheduler hears it. */
const BIND_OPTIONS = { refused: true } as const;

/** The Filter plugins the binding cycle re-runs do not look at images. */
const NO_IMAGES: ReadonlyMap<string, number> = new Map();

/** Virtual time one scheduling cycle takes. */
const CYCLE_MS = 2;
/** How many decisions the scheduler keeps for the UI. */
const KEEP_DECISIONS = 200;

export interface DecisionRecord extends Decision {
  readonly time: number;
}

export class Scheduler {
  readonly pods: Informer<'Pod'>;
  readonly nodes: Informer<'Node'>;
  /** What PodTopologySpread's default selector is made of: the Services and ReplicaSets selecting a pod. */
  readonly services: Informer<'Service'>;
  readonly replicaSets: Informer<'ReplicaSet'>;
  /** Made anew at each process start, as is the rest of its cache. */
  queue = new SchedulingQueue();
  readonly decisions: DecisionRecord[] = [];
  /** Told of every decision (a recorder keeps them all; `decisions` keeps the last few). */
  onDecision: ((d: DecisionRecord) => void) | null = null;
  private readonly recorder: EventsV1Recorder;
  private readonly infos = new Map<string, NodeInfo>();
  /** Kept by the NodeInfos: pods with pod affinity terms anywhere in the cache. */
  private readonly affinityPods: AffinityPods = new Map();
  /** Pods assumed onto a node while their binding is in flight, by uid. */
  private readonly assumed = new Map<string, string>();
  private nextStart = 0;
  private cycleScheduled = false;
  private epoch = 0;

  constructor(
    private readonly sim: Sim,
    private readonly api: ApiServer,
  ) {
    this.pods = new Informer(api, SCHEDULER, 'Pod');
    this.nodes = new Informer(api, SCHEDULER, 'Node', undefined, () => true);
    this.services = new Informer(api, SCHEDULER, 'Service');
    this.replicaSets = new Informer(api, SCHEDULER, 'ReplicaSet');
    // Its events go through events.k8s.io/v1, reported by the instance on the control-plane host.
    this.recorder = new EventsV1Recorder(
      sim,
      api,
      SCHEDULER,
      SCHEDULER_NAME,
      `${SCHEDULER_NAME}-${nodeNameAt(0)}`,
    );
    this.nodes.addHandlers({
      onAdd: (n) => this.nodeChanged(n),
      onUpdate: (n) => this.nodeChanged(n),
      onDelete: (n) => {
        const info = this.infos.get(n.metadata.name);
        if (info) {
          this.countImagesOf(info, -1);
          if (info.affinityPods > 0) for (const uid of info.pods.keys()) this.affinityPods.delete(uid);
        }
        this.infos.delete(n.metadata.name);
        this.nodeList = null;
        this.nodePositions.clear();
        for (const name of this.infos.keys()) this.nodePositions.set(name, this.nodePositions.size);
      },
    });
    this.pods.addHandlers({
      onAdd: (p) => this.podSeen(p),
      onUpdate: (p, old) => this.podSeen(p, old),
      onDelete: (p) => this.podGone(p),
    });
  }

  get up(): boolean {
    return this.sim.isUp(SCHEDULER);
  }

  /** The process starts: it remembers nothing of an earlier run, and fills its cache from fresh lists. */
  start(): void {
    this.sim.setUp(SCHEDULER, true);
    const epoch = ++this.epoch;
    this.queue = new SchedulingQueue();
    this.infos.clear();
    this.affinityPods.clear();
    this.assumed.clear();
    this.imageCounts.clear();
    this.nodeList = null;
    this.nodePositions.clear();
    this.nextStart = 0;
    this.nodes.start();
    this.pods.start();
    this.services.start();
    this.replicaSets.start();
    this.recorder.start();
    const tick = (every: number, fn: () => void) => {
      const loop = () =>
        this.sim.after(every, () => {
          if (epoch !== this.epoch || !this.up) return;
          fn();
          this.kick();
          loop();
        });
      loop();
    };
    tick(1_000, () => this.queue.flushBackoff(this.sim.now));
    tick(30_000, () => this.queue.flushUnschedulableLeftover(this.sim.now));
  }

  stop(): void {
    this.sim.setUp(SCHEDULER, false);
    this.epoch++;
    this.cycleScheduled = false;
    this.recorder.stop();
    this.nodes.halt();
    this.pods.halt();
    this.services.halt();
    this.replicaSets.halt();
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** Image → number of nodes with it (what countImages gives for all the nodes), kept up to date as nodes change. */
  private readonly imageCounts = new Map<string, number>();
  /** The nodes as an array, rebuilt only when one is added or removed; and each one's position in it. */
  private nodeList: NodeInfo[] | null = null;
  private readonly nodePositions = new Map<string, number>();

  private countImagesOf(info: NodeInfo, sign: 1 | -1): void {
    const counts = this.imageCounts;
    for (const name of info.images.keys()) {
      const n = (counts.get(name) ?? 0) + sign;
      if (n > 0) counts.set(name, n);
      else counts.delete(name);
    }
  }

  private nodeChanged(node: Node): void {
    let info = this.infos.get(node.metadata.name);
    if (info) {
      this.countImagesOf(info, -1);
      info.setNode(node);
    } else {
      this.infos.set(node.metadata.name, (info = new NodeInfo(node, this.affinityPods)));
      // The list is the Map's values in order: a new node goes last.
      this.nodeList = null;
      this.nodePositions.set(node.metadata.name, this.infos.size - 1);
    }
    this.countImagesOf(info, 1);
    // A node joined or changed (readiness, taints, cordon): parked pods may fit now.
    this.queue.moveAllToActiveOrBackoff(this.sim.now);
    this.kick();
  }

  private podSeen(pod: Pod, old?: Pod): void {
    if (pod.spec.nodeName) {
      // Bound (by us or anyone): account it on its node, and it leaves the queue.
      this.queue.done(pod);
      const assumedOn = this.assumed.get(pod.metadata.uid);
      if (assumedOn) {
        this.assumed.delete(pod.metadata.uid);
        this.infos.get(assumedOn)?.removePod(pod);
      }
      if (old?.spec.nodeName && old.spec.nodeName !== pod.spec.nodeName)
        this.infos.get(old.spec.nodeName)?.removePod(old);
      const info = this.infos.get(pod.spec.nodeName);
      if (info) {
        info.removePod(pod);
        if (pod.status.phase !== 'Succeeded' && pod.status.phase !== 'Failed') info.addPod(pod);
      }
      return;
    }
    if ((pod.spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME || pod.metadata.deletionTimestamp)
      return;
    if (this.assumed.has(pod.metadata.uid)) return;
    if (this.queue.has(pod)) this.queue.update(pod);
    else this.queue.add(pod, this.sim.now);
    this.kick();
  }

  private podGone(pod: Pod): void {
    this.queue.remove(pod);
    const on = pod.spec.nodeName ?? this.assumed.get(pod.metadata.uid);
    this.assumed.delete(pod.metadata.uid);
    if (on) {
      this.infos.get(on)?.removePod(pod);
      // Room was freed: parked pods may fit now.
      this.queue.moveAllToActiveOrBackoff(this.sim.now);
      this.kick();
    }
  }

  /** Makes sure a cycle runs soon if there is work and none is pending. */
  private kick(): void {
    if (this.cycleScheduled || this.queue.activeCount === 0 || !this.up) return;
    this.cycleScheduled = true;
    const epoch = this.epoch;
    this.sim.after(CYCLE_MS, () => {
      this.cycleScheduled = false;
      if (epoch !== this.epoch || !this.up) return;
      this.scheduleOne();
      this.kick();
    });
  }

  /** One scheduling cycle (ScheduleOne). */
  private scheduleOne(): void {
    const pod = this.queue.pop();
    if (!pod) return;
    const nodes = (this.nodeList ??= [...this.infos.values()]);
    const { decision, nextStart } = schedulePod(pod, nodes, this.nextStart, this.sim.rng, {
      imageNodeCounts: this.imageCounts,
      nodePositions: this.nodePositions,
      spreadSelector: defaultSelector(pod, this.services.list(), this.replicaSets.list()),
      affinityPods: this.affinityPods,
    });
    this.nextStart = nextStart;
    // Object.assign, not a spread literal: `time` is a key the decision lacks (see core/extendable).
    const record = Object.assign({}, decision, { time: this.sim.now });
    this.decisions.push(record);
    if (this.decisions.length > KEEP_DECISIONS) this.decisions.shift();
    this.onDecision?.(record);

    if (!decision.winner) {
      this.queue.requeue(pod, this.sim.now, true);
      this.failed(pod, decision.message ?? '');
      return;
    }
    const info = this.infos.get(decision.winner)!;
    info.addPod(pod);
    this.assumed.set(pod.metadata.uid, decision.winner);
    this.bind(pod, decision.winner);
  }

  /** The binding cycle: re-check that the node is still there and the pod still fits, then bind. */
  private bind(pod: Pod, nodeName: string): void {
    const info = this.infos.get(nodeName);
    const stillFits =
      info !== undefined &&
      (() => {
        info.removePod(pod);
        const state = cycleState(pod, [info], NO_IMAGES);
        const ok = FILTER_PLUGINS.every((f) => f.filter(state, info) === null);
        info.addPod(pod);
        return ok;
      })();
    if (!stillFits) {
      this.forget(pod, nodeName);
      this.queue.requeue(pod, this.sim.now, false);
      return;
    }
    const namespace = pod.metadata.namespace ?? 'default';
    this.api.request(
      SCHEDULER,
      { verb: 'bind', kind: 'Pod', namespace, name: pod.metadata.name, target: nodeName },
      (result) => {
        if (result.ok) {
          // About the pod as the scheduler assumed it (GetReference of `assumed`: its resourceVersion
          // from before the binding).
          this.recorder.record(
            pod,
            'Normal',
            'Scheduled',
            'Binding',
            `Successfully assigned ${namespace}/${pod.metadata.name} to ${nodeName}`,
          );
          return;
        }
        // Refused too (kube-apiserver went down meanwhile): forget the assumption and try again later.
        this.forget(pod, nodeName);
        if (result.error.reason !== 'NotFound' && result.error.reason !== 'Conflict')
          this.queue.requeue(pod, this.sim.now, false);
        this.kick();
      },
      BIND_OPTIONS,
    );
  }

  private forget(pod: Pod, nodeName: string): void {
    this.assumed.delete(pod.metadata.uid);
    this.infos.get(nodeName)?.removePod(pod);
  }

  /** FailedScheduling event, and PodScheduled=False/Unschedulable on the pod when it changed. */
  private failed(pod: Pod, message: string): void {
    this.recorder.record(pod, 'Warning', 'FailedScheduling', 'Scheduling', message);
    const current = pod.status.conditions?.find((c) => c.type === 'PodScheduled');
    if (current?.status === 'False' && current.message === message) return;
    const conditions = [
      ...(pod.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
      {
        type: 'PodScheduled' as const,
        status: 'False' as const,
        reason: 'Unschedulable',
        message,
        lastTransitionTime: timestamp(this.sim.now),
        lastProbeTime: null,
        observedGeneration: pod.metadata.generation ?? 1,
      },
    ];
    this.api.request(SCHEDULER, {
      verb: 'updateStatus',
      asPatch: true,
      kind: 'Pod',
      object: {
        ...pod,
        metadata: { ...pod.metadata, resourceVersion: '' },
        status: { ...pod.status, conditions },
      },
    });
  }
}
