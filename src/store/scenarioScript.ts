/**
 * Turns a workflow (data) into a run: the cluster it asks for, and a script whose steps do the
 * workflow's actions and end when what each step promises has happened in the engine.
 */
import { matchesLabels } from '../engine/api/pods';
import { RESOURCES } from '../engine/api/resources';
import type { Kind, KubeObject, Node, Pod } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';
import type { ClusterConfig } from '../engine/clusterConfig';
import type { Endpoint } from '../engine/topology';
import type { RunSpec, Script, ScriptStep, StepContext } from '../playback/run';
import type { Action, Scenario, Selector, Until } from '../scenarios/types';
import { settledAt } from '../engine/clusterConfig';

export { scenarioConfig } from './guide';

/** A step ends after this long if nothing it waits for happens (virtual ms). */
const DEFAULT_LIMIT = 600_000;
const DEFAULT_UNTIL: Until = { seconds: 2 };

/** The run a workflow makes: the cluster boots and settles, the setup is done, then the steps one by one. */
export function scenarioSpec(scenario: Scenario, config: ClusterConfig, seed: number): RunSpec {
  const off = scenario.cluster?.offAtStart ?? [];
  const from = settledAt(config.nodeCount - off.length);
  return {
    config,
    seed,
    startAt: from,
    actions: [],
    machines: {
      ...(scenario.cluster?.sizes ? { nodeSizes: scenario.cluster.sizes } : {}),
      ...(off.length ? { offAtBoot: off } : {}),
    },
    script: compileScript(scenario, from),
  };
}

export function compileScript(scenario: Scenario, from: number): Script {
  return {
    from,
    ...(scenario.setup?.length || scenario.setupUntil
      ? {
          setup: scriptStep(scenario.setup ?? [], scenario.setupUntil ?? { seconds: 1 }, DEFAULT_LIMIT),
        }
      : {}),
    steps: scenario.steps.map((step) => {
      const compiled = scriptStep(
        step.actions ?? [],
        step.until ?? DEFAULT_UNTIL,
        (step.limit ?? DEFAULT_LIMIT / 1000) * 1000,
      );
      const answer = step.predict?.answer;
      if (answer && typeof answer === 'object') {
        compiled.answer = (c) => newestPod(c, answer.podNode)?.spec.nodeName;
      } else if (typeof answer === 'string') {
        compiled.answer = () => answer;
      }
      return compiled;
    }),
  };
}

function scriptStep(actions: readonly Action[], until: Until, limit: number): ScriptStep {
  // Where the message search has got to, so each check reads only the new messages.
  let scanned = -1;
  /** The message the step waits for, once sent (the step is done when it has arrived). */
  let matched = -1;
  return {
    limit,
    acts: actions.length > 0,
    ...(until.seconds ? { minimum: until.seconds * 1000 } : {}),
    begin(cluster, step) {
      scanned = step.firstMessage;
      matched = -1;
      for (const action of actions) perform(cluster, action);
    },
    done(cluster, step) {
      const trace = cluster.sim.trace;
      if (until.message && matched < 0) {
        const want = until.message;
        for (; scanned < trace.length && matched < 0; scanned++) {
          const m = trace.at(scanned)!;
          if (
            (!want.kind || m.kind === want.kind) &&
            (!want.from || endpointIs(m.from, want.from)) &&
            (!want.to || endpointIs(m.to, want.to)) &&
            (!want.summary || m.summary.includes(want.summary))
          )
            matched = m.id;
        }
      }
      const arrived = matched >= 0 && trace.deliverAt(matched) <= cluster.now;
      return holds(cluster, until, step, arrived);
    },
  };
}

function holds(cluster: Cluster, until: Until, step: StepContext, arrived: boolean): boolean {
  if (until.seconds !== undefined && cluster.now - step.start < until.seconds * 1000) return false;
  if (until.message && !arrived) return false;
  if (until.podsRunning) {
    const { selector, count, namespace } = until.podsRunning;
    const running = pods(cluster, selector, namespace).filter(
      (p) => p.status.phase === 'Running' && !p.metadata.deletionTimestamp,
    );
    if (running.length < count) return false;
  }
  if (until.podCount) {
    const { selector, count, namespace } = until.podCount;
    if (pods(cluster, selector, namespace).length !== count) return false;
  }
  if (until.podUnschedulable) {
    const stuck = pods(cluster, until.podUnschedulable.selector).some((p) =>
      p.status.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False'),
    );
    if (!stuck) return false;
  }
  if (until.podScheduled) {
    const { selector, count = 1 } = until.podScheduled;
    if (pods(cluster, selector).filter((p) => p.spec.nodeName).length < count) return false;
  }
  if (until.event) {
    const { reason, kind } = until.event;
    const found = cluster
      .list('Event')
      .some(
        (e) =>
          e.reason === reason &&
          (!kind || e.involvedObject.kind === kind) &&
          Number(e.metadata.resourceVersion) > step.revision,
      );
    if (!found) return false;
  }
  if (until.nodeReady) {
    const node = cluster.get('Node', undefined, until.nodeReady.node);
    if (readyStatus(node) !== until.nodeReady.status) return false;
  }
  if (until.nodeTaint) {
    const node = cluster.get('Node', undefined, until.nodeTaint.node);
    if (!node?.spec.taints?.some((t) => t.key === until.nodeTaint!.key)) return false;
  }
  if (until.nodeUntainted) {
    const { node: name, key } = until.nodeUntainted;
    const node = cluster.get('Node', undefined, name);
    if (!node || node.spec.taints?.some((t) => t.key === key)) return false;
  }
  if (until.nodeLabel) {
    const { node, key, value } = until.nodeLabel;
    if (cluster.get('Node', undefined, node)?.metadata.labels?.[key] !== value) return false;
  }
  if (until.endpoints) {
    const { service, count, namespace = 'default' } = until.endpoints;
    const ready = cluster
      .list('EndpointSlice', namespace)
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
      .flatMap((s) => s.endpoints ?? [])
      .filter((e) => e.conditions?.ready).length;
    if (ready < count) return false;
  }
  if (until.proxyRules) {
    const { service, count, namespace = 'default' } = until.proxyRules;
    const svc = cluster.get('Service', namespace, service);
    if (!svc?.spec.clusterIP) return false;
    for (const node of cluster.nodes) {
      if (!node.proxy.up) continue;
      for (const port of svc.spec.ports)
        if ((node.proxy.rules.get(`${svc.spec.clusterIP}:${port.port}`)?.length ?? 0) < count) return false;
    }
  }
  return true;
}

function readyStatus(node: Node | undefined): string | undefined {
  return node?.status.conditions?.find((c) => c.type === 'Ready')?.status;
}

/** `app=web,tier=front` as a label map. */
export function parseSelector(selector: Selector): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const part of selector.split(',')) {
    const [key, value] = part.split('=');
    if (key?.trim()) labels[key.trim()] = (value ?? '').trim();
  }
  return labels;
}

function pods(cluster: Cluster, selector: Selector, namespace?: string): Pod[] {
  const labels = parseSelector(selector);
  return cluster.list('Pod', namespace).filter((p) => matchesLabels(labels, p.metadata.labels));
}

function newestPod(cluster: Cluster, selector: Selector, namespace?: string): Pod | undefined {
  let newest: Pod | undefined;
  for (const p of pods(cluster, selector, namespace))
    if (!newest || Number(p.metadata.resourceVersion) > Number(newest.metadata.resourceVersion)) newest = p;
  return newest;
}

/**
 * Whether a trace endpoint is the component a workflow names: `kube-scheduler`, `kubelet` (any
 * node's), `kubelet minikube-m02`, `docker` or `container runtime`, `pods minikube-m02`.
 */
export function endpointIs(endpoint: Endpoint, name: string): boolean {
  const [who, node] = name.trim().split(/\s+(?=minikube)/);
  const kind = ENDPOINT_KINDS[who!.toLowerCase()] ?? who!.toLowerCase();
  const [kindPart, nodePart] = (endpoint as string).split('/');
  return kindPart === kind && (!node || nodePart === node);
}

const ENDPOINT_KINDS: Record<string, string> = {
  docker: 'container-runtime',
  containerd: 'container-runtime',
  'cri-o': 'container-runtime',
  'container runtime': 'container-runtime',
  runtime: 'container-runtime',
  pods: 'pods',
  coredns: 'coredns',
  dashboard: 'dashboard',
};

/** A manifest as the engine takes it: the metadata the apiserver fills in starts empty. */
function toObject(manifest: Record<string, unknown>): KubeObject {
  const kind = manifest.kind as Kind;
  const metadata = (manifest.metadata ?? {}) as Record<string, unknown>;
  const namespaced = RESOURCES[kind]?.namespaced ?? true;
  return {
    ...manifest,
    metadata: {
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      ...(namespaced ? { namespace: 'default' } : {}),
      ...metadata,
    },
    status: (manifest.status as object | undefined) ?? {},
  } as unknown as KubeObject;
}

function perform(cluster: Cluster, action: Action): void {
  if ('apply' in action) return cluster.apply(toObject(action.apply));
  if ('delete' in action) {
    const { kind, name, namespace } = action.delete;
    const namespaced = RESOURCES[kind as Kind]?.namespaced ?? true;
    return cluster.delete(kind as Kind, namespaced ? (namespace ?? 'default') : undefined, name);
  }
  if ('deletePod' in action) {
    const pod = newestPod(cluster, action.deletePod.selector, action.deletePod.namespace);
    if (pod) cluster.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    return;
  }
  if ('scale' in action) {
    const { deployment, replicas, namespace = 'default' } = action.scale;
    return cluster.scale('Deployment', namespace, deployment, replicas);
  }
  if ('cordon' in action) return cluster.cordon(action.cordon);
  if ('uncordon' in action) return cluster.uncordon(action.uncordon);
  if ('drain' in action) return cluster.drain(action.drain);
  if ('taint' in action) {
    const { node, key, value, effect } = action.taint;
    return cluster.taint(node, { key, effect, ...(value !== undefined ? { value } : {}) });
  }
  if ('untaint' in action) return cluster.untaint(action.untaint.node, action.untaint.key);
  if ('label' in action) {
    // kubectl label: an update of the Node with one more label (kubelet's status updates keep labels).
    const { node, key, value } = action.label;
    const current = cluster.get('Node', undefined, node);
    if (!current) return;
    return cluster.apply({
      ...current,
      metadata: { ...current.metadata, labels: { ...current.metadata.labels, [key]: value } },
    });
  }
  const onNode = (name: string, fn: () => void) => {
    // A workflow may name a node the cluster does not have (a course author's typo): nothing happens.
    if (cluster.nodes.some((n) => n.name === name)) fn();
  };
  if ('startNode' in action) return onNode(action.startNode, () => cluster.startNode(action.startNode));
  if ('stopNode' in action) return onNode(action.stopNode, () => cluster.stopNode(action.stopNode));
  if ('startKubelet' in action)
    return onNode(action.startKubelet, () => cluster.startKubelet(action.startKubelet));
  if ('stopKubelet' in action)
    return onNode(action.stopKubelet, () => cluster.stopKubelet(action.stopKubelet));
  if ('stopComponent' in action) return cluster.stopComponent(action.stopComponent);
  if ('startComponent' in action) return cluster.startComponent(action.startComponent);
  if ('enableAddon' in action) {
    cluster.enableAddon(action.enableAddon);
    return;
  }
  if ('disableAddon' in action) {
    cluster.disableAddon(action.disableAddon);
    return;
  }
  if ('connect' in action) {
    const { fromNode, service, port, namespace = 'default' } = action.connect;
    return onNode(fromNode, () => cluster.connect(fromNode, namespace, service, port));
  }
  if ('resolve' in action) {
    const { fromNode, name } = action.resolve;
    return onNode(fromNode, () => cluster.resolve(fromNode, name, () => {}));
  }
}
