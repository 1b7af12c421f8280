/**
 * The Dashboard addon, off until `minikube addons enable dashboard` (or `minikube dashboard`):
 * its namespace, Deployments and Services as the minikube addon creates them, and the web UI's
 * own watches on kube-apiserver while its container runs.
 */
import type { Deployment, KubeObject, Namespace, Service } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';
import { Informer } from '../client/informer';
import type { RuntimeContainer } from '../runtime/containerRuntime';
import type { Sim } from '../sim';
import { componentId } from '../topology';

export const DASHBOARD = componentId('dashboard');
export const DASHBOARD_NAMESPACE = 'kubernetes-dashboard';
const DASHBOARD_CONTAINER = 'kubernetes-dashboard';

const meta = (name: string, labels: Record<string, string>) => ({
  name,
  namespace: DASHBOARD_NAMESPACE,
  uid: '',
  resourceVersion: '',
  creationTimestamp: '',
  labels: { 'addonmanager.kubernetes.io/mode': 'Reconcile', ...labels },
});

const deployment = (name: string, image: string, port: number): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta(name, { 'k8s-app': name }),
  spec: {
    replicas: 1,
    selector: { matchLabels: { 'k8s-app': name } },
    template: {
      metadata: { labels: { 'k8s-app': name } },
      spec: {
        serviceAccountName: 'kubernetes-dashboard',
        containers: [{ name, image, ports: [{ containerPort: port, protocol: 'TCP' }] }],
      },
    },
  },
  status: {},
});

const service = (name: string, port: number, targetPort: number): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, { 'k8s-app': name }),
  spec: { selector: { 'k8s-app': name }, ports: [{ port, targetPort, protocol: 'TCP' }] },
  status: {},
});

/** What `minikube addons enable dashboard` applies, in order. */
export const DASHBOARD_OBJECTS: readonly KubeObject[] = [
  {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: DASHBOARD_NAMESPACE,
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { 'kubernetes.io/metadata.name': DASHBOARD_NAMESPACE },
    },
    spec: {},
    status: { phase: 'Active' },
  } satisfies Namespace,
  deployment('kubernetes-dashboard', 'docker.io/kubernetesui/dashboard:v2.7.0', 9090),
  deployment('dashboard-metrics-scraper', 'docker.io/kubernetesui/metrics-scraper:v1.0.8', 8000),
  service('kubernetes-dashboard', 80, 9090),
  service('dashboard-metrics-scraper', 8000, 8000),
];

/** The Dashboard's own view of the cluster: like every client, it only watches kube-apiserver. */
export class Dashboard {
  readonly pods: Informer<'Pod'>;
  readonly nodes: Informer<'Node'>;
  /** The container the web UI runs in, while it runs. */
  private container: string | null = null;

  constructor(
    private readonly sim: Sim,
    api: ApiServer,
  ) {
    this.pods = new Informer(api, DASHBOARD, 'Pod');
    this.nodes = new Informer(api, DASHBOARD, 'Node', undefined, () => true);
    sim.setUp(DASHBOARD, false);
  }

  get up(): boolean {
    return this.sim.isUp(DASHBOARD);
  }

  /**
   * A container's process started or ended somewhere: the web UI is the `kubernetes-dashboard`
   * container of its pod, so it starts (lists, then watches) only once that runs on a node.
   */
  processChanged(c: RuntimeContainer, running: boolean): void {
    if (c.podNamespace !== DASHBOARD_NAMESPACE || c.name !== DASHBOARD_CONTAINER) return;
    if (running) {
      this.container = c.id;
      this.start();
    } else if (c.id === this.container) this.stop();
  }

  private start(): void {
    this.sim.setUp(DASHBOARD, true);
    this.pods.start();
    this.nodes.start();
  }

  stop(): void {
    this.container = null;
    this.sim.setUp(DASHBOARD, false);
    this.pods.halt();
    this.nodes.halt();
  }
}
