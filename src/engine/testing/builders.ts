/** Fluent builders for test objects: `makePod('web').requests({ cpu: '500m' })`, `makeDeployment('nginx', 3)`. */
import type { Deployment, Node, Pod, Probe, Service, Taint, Toleration } from '../api/types';
import { NodeInfo } from '../scheduler/nodeInfo';

export class PodBuilder {
  constructor(private pod: Pod) {}

  requests(r: { cpu?: string; memory?: string }): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({
      ...c,
      resources: { ...c.resources, requests: { ...r } },
    }));
    return this;
  }

  limits(l: { cpu?: string; memory?: string }): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({
      ...c,
      resources: { ...c.resources, limits: { ...l } },
    }));
    return this;
  }

  image(image: string): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({ ...c, image }));
    return this;
  }

  nodeSelector(selector: Record<string, string>): this {
    this.pod.spec.nodeSelector = selector;
    return this;
  }

  tolerate(t: Toleration): this {
    this.pod.spec.tolerations = [...(this.pod.spec.tolerations ?? []), t];
    return this;
  }

  hostPort(port: number): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({
      ...c,
      ports: [{ containerPort: port, hostPort: port }],
    }));
    return this;
  }

  /** The container's readiness, liveness or startup probe. */
  probe(type: 'readiness' | 'liveness' | 'startup', probe: Probe): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({ ...c, [`${type}Probe`]: probe }));
    return this;
  }

  /** The container's args (what its image's entrypoint, or a shell, runs). */
  args(...args: string[]): this {
    this.pod.spec.containers = this.pod.spec.containers.map((c) => ({ ...c, args }));
    return this;
  }

  onNode(name: string): this {
    this.pod.spec.nodeName = name;
    return this;
  }

  labels(labels: Record<string, string>): this {
    this.pod.metadata.labels = labels;
    return this;
  }

  namespace(ns: string): this {
    this.pod.metadata.namespace = ns;
    return this;
  }

  build(): Pod {
    return structuredClone(this.pod);
  }
}

export function makePod(name: string): PodBuilder {
  return new PodBuilder({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
    status: { phase: 'Pending' },
  });
}

export function makeDeployment(
  name: string,
  replicas: number,
  options: { image?: string; cpu?: string; memory?: string; readinessProbe?: Probe } = {},
): Deployment {
  const requests = {
    ...(options.cpu ? { cpu: options.cpu } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { app: name },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name,
              image: options.image ?? 'nginx:1.27',
              ...(Object.keys(requests).length ? { resources: { requests } } : {}),
              ...(options.readinessProbe ? { readinessProbe: options.readinessProbe } : {}),
            },
          ],
        },
      },
    },
    status: {},
  };
}

export function makeService(name: string, selector: Record<string, string>, port = 80): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    spec: { selector, ports: [{ port, targetPort: port, protocol: 'TCP' }] },
    status: {},
  };
}

export const taint = (key: string, effect: Taint['effect'] = 'NoSchedule', value?: string): Taint => ({
  key,
  effect,
  ...(value ? { value } : {}),
});

/** A node for scheduler tests: `makeNode('minikube-m02').cpu('2').taint(...).info()`. */
export class NodeBuilder {
  private node: Node;
  constructor(name: string) {
    this.node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: name,
        resourceVersion: '1',
        creationTimestamp: '',
        labels: { 'kubernetes.io/hostname': name },
      },
      spec: {},
      status: {
        capacity: { cpu: '2', memory: '4Gi', pods: '110' },
        allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
        conditions: [],
        addresses: [],
        nodeInfo: {
          kubeletVersion: '',
          kubeProxyVersion: '',
          containerRuntimeVersion: '',
          osImage: '',
          kernelVersion: '',
          operatingSystem: '',
          architecture: '',
        },
      },
    };
  }
  cpu(cpu: string): this {
    this.node.status.allocatable = { ...this.node.status.allocatable, cpu };
    return this;
  }
  pods(n: number): this {
    this.node.status.allocatable = { ...this.node.status.allocatable, pods: String(n) };
    return this;
  }
  taint(...taints: ReturnType<typeof taint>[]): this {
    this.node.spec.taints = taints;
    return this;
  }
  cordoned(): this {
    this.node.spec.unschedulable = true;
    return this;
  }
  label(k: string, v: string): this {
    this.node.metadata.labels = { ...this.node.metadata.labels, [k]: v };
    return this;
  }
  image(name: string, size: number): this {
    this.node.status.images = [...(this.node.status.images ?? []), { names: [name], sizeBytes: size }];
    return this;
  }
  info(...pods: Pod[]): NodeInfo {
    const info = new NodeInfo(this.node);
    pods.forEach((p, i) =>
      info.addPod({ ...p, metadata: { ...p.metadata, uid: `${p.metadata.name}-${i}` } }),
    );
    return info;
  }
}
export const makeNode = (name = 'minikube') => new NodeBuilder(name);
