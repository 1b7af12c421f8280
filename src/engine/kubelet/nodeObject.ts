/** The Node object a kubelet registers: capacity, labels, addresses and conditions as minikube's nodes have them. */
import type { Condition, Node, NodeConditionType } from '../api/types';
import type { RuntimeName } from '../clusterConfig';
import { stableHex } from '../core/stableHex';
import { RUNTIME_VERSIONS } from '../runtime/containerRuntime';

export const KUBERNETES_VERSION = 'v1.34.0';

export interface NodeShape {
  readonly name: string;
  readonly index: number;
  readonly controlPlane: boolean;
  readonly runtime: RuntimeName;
  readonly cpu: string;
  readonly memory: string;
}

const CONDITION_TEXT: Record<NodeConditionType, { ok: [string, string]; status: 'True' | 'False' }> = {
  MemoryPressure: {
    ok: ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    status: 'False',
  },
  DiskPressure: { ok: ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'], status: 'False' },
  PIDPressure: { ok: ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'], status: 'False' },
  Ready: { ok: ['KubeletReady', 'kubelet is posting ready status'], status: 'True' },
};

/** Ready=False's message before the runtime's first status check, and while the CNI has no config. */
export const RUNTIME_NOT_CHECKED = 'container runtime status check may not have completed yet';
export const CNI_NOT_INITIALIZED =
  'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/** The node's conditions as kubelet reports them; `ready` false before the runtime and network are up. */
export function nodeConditions(
  ready: boolean,
  now: string,
  previous?: readonly Condition<NodeConditionType>[],
  notReadyMessage = RUNTIME_NOT_CHECKED,
): Condition<NodeConditionType>[] {
  return (['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'] as const).map((type) => {
    const text = CONDITION_TEXT[type];
    const notReady = type === 'Ready' && !ready;
    const status = notReady ? 'False' : text.status;
    const old = previous?.find((c) => c.type === type);
    return {
      type,
      status,
      reason: notReady ? 'KubeletNotReady' : text.ok[0],
      message: notReady ? notReadyMessage : text.ok[1],
      lastHeartbeatTime: now,
      lastTransitionTime: old && old.status === status ? (old.lastTransitionTime ?? now) : now,
    };
  });
}

export const nodeIP = (index: number) => `192.168.49.${index + 2}`;

/** 32 hex digits as a UUID: 8-4-4-4-12. */
const uuidFormat = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

/** The minikube release whose labels the nodes carry, and its commit. */
const MINIKUBE_VERSION = 'v1.37.0';
const MINIKUBE_COMMIT = '65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3';

/** minikube's `updated_at` label: Go's layout `2006_01_02T15_04_05_0700` (label values allow no `:` or `+`). */
export function minikubeUpdatedAt(rfc3339: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(rfc3339);
  return m ? `${m[1]}_${m[2]}_${m[3]}T${m[4]}_${m[5]}_${m[6]}_0000` : '';
}

export function newNodeObject(shape: NodeShape, now: string): Node {
  const machineID = stableHex(`machine-id/${shape.name}`, 4);
  // minikube labels each node (`kubectl label nodes … --overwrite`) right after kubeadm brings it up.
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': shape.name,
    'kubernetes.io/os': 'linux',
    'minikube.k8s.io/commit': MINIKUBE_COMMIT,
    'minikube.k8s.io/name': 'minikube',
    'minikube.k8s.io/primary': String(shape.index === 0),
    'minikube.k8s.io/updated_at': minikubeUpdatedAt(now),
    'minikube.k8s.io/version': MINIKUBE_VERSION,
  };
  if (shape.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const resources = {
    cpu: shape.cpu,
    'ephemeral-storage': '20134592Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: shape.memory,
    pods: '110',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: shape.name,
      uid: '',
      resourceVersion: '',
      creationTimestamp: now,
      labels,
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        // kubelet's default --enable-controller-attach-detach: volumes are attached by the controller.
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    // No spec.podCIDR: node-ipam-controller assigns the node's pod range once it is registered.
    spec: {},
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: nodeConditions(false, now),
      addresses: [
        { type: 'InternalIP', address: nodeIP(shape.index) },
        { type: 'Hostname', address: shape.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        // The machine's /etc/machine-id (the docker driver's container shares it as the product
        // UUID), and a boot ID new at each boot.
        machineID,
        systemUUID: machineID,
        bootID: uuidFormat(stableHex(`boot/${shape.name}/${now}`, 4)),
        kubeletVersion: KUBERNETES_VERSION,
        // Deprecated and no longer set by kubelet 1.34 (KEP-4004): `describe node` prints it empty.
        kubeProxyVersion: '',
        containerRuntimeVersion: RUNTIME_VERSIONS[shape.runtime],
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-1029-gcp',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}
