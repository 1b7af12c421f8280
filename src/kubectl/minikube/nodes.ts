/** `minikube node add | delete | stop | start | list`, `minikube status`. */
import { MAX_NODES } from '../../engine/clusterConfig';
import type { Cluster } from '../../engine/cluster';
import { errorCommand, fail, ok } from '../output';
import type { ClusterReader, Command } from '../types';

const PROFILE = 'minikube';
const KICBASE = 'v0.0.48';

/** How often `minikube node add` looks for the new Node, and how long it waits at most. */
const JOIN_POLL_MS = 250;
const JOIN_LIMIT_MS = 25_000;

/** minikube's style.go: 🐳 for docker, 📦 for containerd, 🎁 for CRI-O. */
const runtimeEmoji = (cluster: Cluster) =>
  ({ docker: '🐳', containerd: '📦', 'cri-o': '🎁' })[cluster.config.runtime];

const runtimeLabel = (cluster: Cluster) =>
  ({ docker: 'Docker 28.4.0', containerd: 'containerd 1.7.27', 'cri-o': 'CRI-O 1.29.1' })[
    cluster.config.runtime
  ];

/** minikube takes a node's machine name (`minikube-m02`) or its short name (`m02`). */
export function machineName(name: string): string {
  return /^m\d\d$/.test(name) ? `${PROFILE}-${name}` : name;
}
const shortName = (machine: string) => (machine === PROFILE ? PROFILE : machine.slice(PROFILE.length + 1));
const notFound = (name: string) =>
  fail(`❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${name}`);

export function nodeIP(reader: ClusterReader, machine: string): string {
  const node = reader.get('Node', undefined, machine);
  const ip = node?.status.addresses.find((a) => a.type === 'InternalIP')?.address;
  return ip ?? `192.168.49.${reader.machines.indexOf(machine) + 2}`;
}

function write(
  line: string,
  run: (cluster: Cluster, print: (o: ReturnType<typeof ok>) => void) => void,
): Command {
  return { type: 'write', line, run };
}

export function node(words: readonly string[], line: string): Command {
  const [sub, name, ...extra] = words;
  if (sub === 'list')
    return {
      type: 'read',
      run: (reader) => ok(reader.machines.map((m) => `${m}\t${nodeIP(reader, m)}`).join('\n')),
    };
  if (sub === 'add')
    return write(line, (cluster, print) => {
      if (cluster.nodes.length >= MAX_NODES) {
        print(fail(`❌  Exiting due to MK_USAGE: this simulated cluster allows at most ${MAX_NODES} nodes`));
        return;
      }
      const added = cluster.addNode();
      const short = shortName(added);
      // minikube returns once kubeadm join is done: the node's kubelet has registered its Node.
      let waited = 0;
      const joined = () => {
        if (!cluster.get('Node', undefined, added) && (waited += JOIN_POLL_MS) < JOIN_LIMIT_MS) {
          cluster.sim.after(JOIN_POLL_MS, joined);
          return;
        }
        print(
          ok(
            [
              `😄  Adding node ${short} to cluster ${PROFILE} as [worker]`,
              `👍  Starting "${added}" worker node in "${PROFILE}" cluster`,
              `🚜  Pulling base image ${KICBASE} ...`,
              '🔥  Creating docker container (CPUs=2, Memory=2200MB) ...',
              `${runtimeEmoji(cluster)}  Preparing Kubernetes v1.34.0 on ${runtimeLabel(cluster)} ...`,
              '🔎  Verifying Kubernetes components...',
              `🏄  Successfully added ${short} to ${PROFILE}!`,
            ].join('\n'),
          ),
        );
      };
      joined();
    });
  if (sub !== 'delete' && sub !== 'stop' && sub !== 'start')
    return errorCommand(
      sub ? `Error: unknown command "${sub}" for "minikube node"` : 'Error: Usage: minikube node [command]',
    );
  if (!name || extra.length)
    return errorCommand(`❌  Exiting due to MK_USAGE: Usage: minikube node ${sub} [name]`);
  const machine = machineName(name);
  return write(line, (cluster, print) => {
    const parts = cluster.nodes.find((n) => n.name === machine);
    if (!parts) return print(notFound(name));
    if (parts === cluster.nodes[0] && sub !== 'start')
      return print(
        fail(
          `❌  Exiting due to MK_USAGE: this simulated cluster keeps its control-plane node ${machine} running; ${sub} a worker node`,
        ),
      );
    const short = shortName(machine);
    if (sub === 'delete') {
      cluster.removeNode(machine);
      print(
        ok(
          [
            `🔥  Deleting node ${short} from cluster ${PROFILE}`,
            `✋  Stopping node "${machine}"  ...`,
            `🛑  Powering off "${machine}" via SSH ...`,
            `🔥  Deleting "${machine}" in docker ...`,
            `💀  Node ${short} was successfully deleted.`,
          ].join('\n'),
        ),
      );
    } else if (sub === 'stop') {
      cluster.stopNode(machine);
      print(
        ok(
          [
            `✋  Stopping node "${machine}"  ...`,
            `🛑  Powering off "${machine}" via SSH ...`,
            `🛑  Successfully stopped node ${machine}`,
          ].join('\n'),
        ),
      );
    } else {
      cluster.startNode(machine);
      print(
        ok(
          [
            `👍  Starting "${machine}" worker node in "${PROFILE}" cluster`,
            `🚜  Pulling base image ${KICBASE} ...`,
            `🔄  Restarting existing docker container for "${machine}" ...`,
            `${runtimeEmoji(cluster)}  Preparing Kubernetes v1.34.0 on ${runtimeLabel(cluster)} ...`,
            '🔎  Verifying Kubernetes components...',
            `😄  Successfully started node ${machine}!`,
          ].join('\n'),
        ),
      );
    }
  });
}

/**
 * Whether a machine runs: where the reader knows which kubelets run, from that; else judged from its
 * Node (a NotReady node whose kubelet stopped posting, Unknown, is off).
 */
function hostState(reader: ClusterReader, machine: string): { host: string; kubelet: string } {
  // A kubelet known to run (a node just started, before its first Ready report) means both run:
  // `minikube node start` returns once they do.
  if (reader.kubeletsDown && !reader.kubeletsDown.has(machine))
    return { host: 'Running', kubelet: 'Running' };
  const ready = reader.get('Node', undefined, machine)?.status.conditions.find((c) => c.type === 'Ready');
  if (!ready) return { host: 'Running', kubelet: 'Stopped' };
  if (ready.status === 'True') return { host: 'Running', kubelet: 'Running' };
  return ready.status === 'Unknown'
    ? { host: 'Stopped', kubelet: 'Stopped' }
    : { host: 'Running', kubelet: 'Stopped' };
}

export function status(): Command {
  return {
    type: 'read',
    run(reader) {
      const blocks = reader.machines.map((m, i) => {
        const s = hostState(reader, m);
        return i === 0
          ? [
              m,
              'type: Control Plane',
              `host: ${s.host}`,
              `kubelet: ${s.kubelet}`,
              // minikube asks kube-apiserver's /healthz: a stopped one (or machine) is Stopped.
              `apiserver: ${reader.apiServerDown || s.host === 'Stopped' ? 'Stopped' : 'Running'}`,
              'kubeconfig: Configured',
            ]
          : [m, 'type: Worker', `host: ${s.host}`, `kubelet: ${s.kubelet}`];
      });
      return ok(blocks.map((b) => b.join('\n')).join('\n\n') + '\n');
    },
  };
}
