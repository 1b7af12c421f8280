/**
 * What a fresh minikube cluster holds before anything is asked of it: kubeadm's namespaces,
 * Services (and kube-apiserver's own EndpointSlice for `kubernetes`), the CoreDNS Deployment and
 * kube-proxy DaemonSet, minikube's storage-provisioner, and the static pods of the control plane
 * (whose mirror pods kubelet posts once it has registered).
 */
import type {
  Container,
  DaemonSet,
  Deployment,
  EndpointSlice,
  KubeObject,
  Namespace,
  Pod,
  Service,
  Volume,
} from './api/types';
import { usesKindnet, type ClusterConfig } from './clusterConfig';
import { sortedJson } from './core/sortedJson';
import { stableHex } from './core/stableHex';
import { STATIC_POD_SPECS } from './staticPodSpecs';
import { KINDNETD_IMAGE } from './runtime/images';

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: '',
  resourceVersion: '',
  creationTimestamp: '',
  ...(labels ? { labels } : {}),
});

const namespace = (name: string): Namespace => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: meta(name, undefined, { 'kubernetes.io/metadata.name': name }),
  spec: {},
  status: { phase: 'Active' },
});

const CONTROL_PLANE_TOLERATION = {
  key: 'node-role.kubernetes.io/control-plane',
  effect: 'NoSchedule' as const,
};

const coredns: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: meta('coredns', 'kube-system', { 'k8s-app': 'kube-dns' }),
  spec: {
    replicas: 1,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        priorityClassName: 'system-cluster-critical',
        serviceAccountName: 'coredns',
        // It resolves names outside the cluster through the node's own resolver.
        dnsPolicy: 'Default',
        // kubeadm's manifest: replicas rather on different nodes.
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                podAffinityTerm: {
                  labelSelector: {
                    matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }],
                  },
                  topologyKey: 'kubernetes.io/hostname',
                },
              },
            ],
          },
        },
        tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, CONTROL_PLANE_TOLERATION],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: [
          {
            name: 'coredns',
            image: 'registry.k8s.io/coredns/coredns:v1.12.1',
            imagePullPolicy: 'IfNotPresent',
            args: ['-conf', '/etc/coredns/Corefile'],
            resources: { requests: { cpu: '100m', memory: '70Mi' }, limits: { memory: '170Mi' } },
            // The health and ready plugins of the Corefile answer these.
            livenessProbe: {
              httpGet: { path: '/health', port: 'liveness-probe', scheme: 'HTTP' },
              initialDelaySeconds: 60,
              timeoutSeconds: 5,
              successThreshold: 1,
              failureThreshold: 5,
            },
            readinessProbe: { httpGet: { path: '/ready', port: 'readiness-probe', scheme: 'HTTP' } },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
              readOnlyRootFilesystem: true,
            },
            ports: [
              { name: 'dns', containerPort: 53, protocol: 'UDP' },
              { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
              { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
              { name: 'liveness-probe', containerPort: 8080, protocol: 'TCP' },
              { name: 'readiness-probe', containerPort: 8181, protocol: 'TCP' },
            ],
            volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
          },
        ],
        // The Corefile, from the ConfigMap kube-system/coredns.
        volumes: [
          {
            name: 'config-volume',
            configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] },
          },
        ],
      },
    },
  },
  status: {},
};

/** The host's iptables lock and kernel modules, which kube-proxy and kindnet both mount to program netfilter. */
const NETFILTER_MOUNTS = [
  { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
  { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
];
const NETFILTER_VOLUMES: Volume[] = [
  { name: 'xtables-lock', hostPath: { path: '/run/xtables.lock', type: 'FileOrCreate' } },
  { name: 'lib-modules', hostPath: { path: '/lib/modules' } },
];

const kubeProxy: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: meta('kube-proxy', 'kube-system', { 'k8s-app': 'kube-proxy' }),
  // kubeadm's manifest (phases/addons/proxy): on every Linux node, tolerating every taint.
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    updateStrategy: { type: 'RollingUpdate' },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        priorityClassName: 'system-node-critical',
        hostNetwork: true,
        serviceAccountName: 'kube-proxy',
        tolerations: [{ operator: 'Exists' }],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: [
          {
            name: 'kube-proxy',
            image: 'registry.k8s.io/kube-proxy:v1.34.0',
            imagePullPolicy: 'IfNotPresent',
            command: [
              '/usr/local/bin/kube-proxy',
              '--config=/var/lib/kube-proxy/config.conf',
              '--hostname-override=$(NODE_NAME)',
            ],
            env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            securityContext: { privileged: true },
            volumeMounts: [{ name: 'kube-proxy', mountPath: '/var/lib/kube-proxy' }, ...NETFILTER_MOUNTS],
          },
        ],
        // Its config from the ConfigMap kube-system/kube-proxy, and the host's netfilter files.
        volumes: [{ name: 'kube-proxy', configMap: { name: 'kube-proxy' } }, ...NETFILTER_VOLUMES],
      },
    },
  },
  status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberReady: 0, numberMisscheduled: 0 },
};

const service = (
  name: string,
  ns: string,
  ports: Service['spec']['ports'],
  selector?: Record<string, string>,
  labels?: Record<string, string>,
): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: meta(name, ns, labels),
  spec: { type: 'ClusterIP', ports, ...(selector ? { selector } : {}) },
  status: {},
});

/**
 * kube-apiserver's own endpoints for the `kubernetes` Service (its endpoint reconciler writes them;
 * the Service has no selector, so no controller does): the control plane's address, port 8443.
 */
const apiServerEndpointSlice: EndpointSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: meta('kubernetes', 'default', { 'kubernetes.io/service-name': 'kubernetes' }),
  addressType: 'IPv4',
  endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true } }],
  ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
};

/** minikube's storage-provisioner addon manifest, which it applies with `kubectl apply`. */
const STORAGE_PROVISIONER_LABELS = {
  'addonmanager.kubernetes.io/mode': 'Reconcile',
  'integration-test': 'storage-provisioner',
};
const STORAGE_PROVISIONER_SPEC: Pod['spec'] = {
  serviceAccountName: 'storage-provisioner',
  hostNetwork: true,
  containers: [
    {
      name: 'storage-provisioner',
      image: 'gcr.io/k8s-minikube/storage-provisioner:v5',
      command: ['/storage-provisioner'],
      imagePullPolicy: 'IfNotPresent',
      volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
    },
  ],
  volumes: [{ name: 'tmp', hostPath: { path: '/tmp', type: 'Directory' } }],
};

const storageProvisioner: Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    ...meta('storage-provisioner', 'kube-system', STORAGE_PROVISIONER_LABELS),
    // What `kubectl apply` keeps of the manifest.
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': `${sortedJson({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          annotations: {},
          labels: STORAGE_PROVISIONER_LABELS,
          name: 'storage-provisioner',
          namespace: 'kube-system',
        },
        spec: STORAGE_PROVISIONER_SPEC,
      })}\n`,
    },
  },
  spec: STORAGE_PROVISIONER_SPEC,
  status: { phase: 'Pending' },
};

/** The container of kindnet's pods; it writes the node's CNI config once it runs. */
export const KINDNET_CONTAINER = 'kindnet-cni';

/**
 * minikube's kindnet DaemonSet (its CNI when it does not use the bridge): on every node, host
 * network, tolerating every NoSchedule taint, so it runs before the node is Ready and is what
 * makes it Ready by writing the node's CNI config.
 */
const kindnet: DaemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: meta('kindnet', 'kube-system', { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' }),
  spec: {
    selector: { matchLabels: { app: 'kindnet' } },
    updateStrategy: { type: 'RollingUpdate' },
    template: {
      metadata: { labels: { app: 'kindnet', 'k8s-app': 'kindnet', tier: 'node' } },
      spec: {
        hostNetwork: true,
        serviceAccountName: 'kindnet',
        tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
        containers: [
          {
            name: KINDNET_CONTAINER,
            image: KINDNETD_IMAGE,
            env: [
              { name: 'HOST_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'POD_SUBNET', value: '10.244.0.0/16' },
            ],
            securityContext: { privileged: false, capabilities: { add: ['NET_RAW', 'NET_ADMIN'] } },
            resources: {
              requests: { cpu: '100m', memory: '50Mi' },
              limits: { cpu: '100m', memory: '50Mi' },
            },
            volumeMounts: [{ name: 'cni-cfg', mountPath: '/etc/cni/net.d' }, ...NETFILTER_MOUNTS],
          },
        ],
        volumes: [{ name: 'cni-cfg', hostPath: { path: '/etc/cni/net.d' } }, ...NETFILTER_VOLUMES],
      },
    },
  },
  status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberReady: 0, numberMisscheduled: 0 },
};

/** The objects kubeadm and minikube create, in the order they appear (kindnet last, applied by minikube after kubeadm). */
export function bootstrapObjects(config: ClusterConfig): readonly KubeObject[] {
  return usesKindnet(config) ? [...BOOTSTRAP_OBJECTS, kindnet] : BOOTSTRAP_OBJECTS;
}

const BOOTSTRAP_OBJECTS: readonly KubeObject[] = [
  namespace('default'),
  namespace('kube-node-lease'),
  namespace('kube-public'),
  namespace('kube-system'),
  service(
    'kubernetes',
    'default',
    [{ name: 'https', port: 443, targetPort: 8443, protocol: 'TCP' }],
    undefined,
    { component: 'apiserver', provider: 'kubernetes' },
  ),
  apiServerEndpointSlice,
  service(
    'kube-dns',
    'kube-system',
    [
      { name: 'dns', port: 53, protocol: 'UDP' },
      { name: 'dns-tcp', port: 53, protocol: 'TCP' },
      { name: 'metrics', port: 9153, protocol: 'TCP' },
    ],
    { 'k8s-app': 'kube-dns' },
    { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
  ),
  coredns,
  kubeProxy,
  storageProvisioner,
];

/** The advertised address kubeadm notes on the etcd and kube-apiserver manifests. */
const KUBEADM_ANNOTATIONS: Readonly<Record<string, Record<string, string>>> = {
  etcd: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': 'https://192.168.49.2:2379' },
  'kube-apiserver': {
    'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': '192.168.49.2:8443',
  },
};

/**
 * A mirror pod's annotations: kubeadm's, and kubelet's file source, when it saw the manifest (before
 * kube-apiserver was up) and the manifest's hash, which also marks the pod as a mirror.
 */
function staticPodAnnotations(component: string, node: string): Record<string, string> {
  const hash = stableHex(`${node}/etc/kubernetes/manifests/${component}.yaml`, 4);
  return {
    ...KUBEADM_ANNOTATIONS[component],
    'kubernetes.io/config.hash': hash,
    'kubernetes.io/config.mirror': hash,
    'kubernetes.io/config.seen': '2026-01-15T08:59:57.401238716Z',
    'kubernetes.io/config.source': 'file',
  };
}

/** The control plane's static pods on `node` (kubeadm's manifests, with their cpu/memory requests). */
export function staticPods(node: string): Pod[] {
  const make = (component: string, image: string, requests: Container['resources']): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...meta(`${component}-${node}`, 'kube-system', { component, tier: 'control-plane' }),
      annotations: staticPodAnnotations(component, node),
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: '', controller: true }],
    },
    spec: {
      nodeName: node,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2_000_001_000,
      // kubelet gives every static pod this toleration (config.applyDefaults).
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: component,
          image,
          ...STATIC_POD_SPECS[component]!.container,
          ...(requests ? { resources: requests } : {}),
        },
      ],
      volumes: STATIC_POD_SPECS[component]!.volumes,
    },
    status: {
      phase: 'Running',
      hostIP: '192.168.49.2',
      hostIPs: [{ ip: '192.168.49.2' }],
      podIP: '192.168.49.2',
      podIPs: [{ ip: '192.168.49.2' }],
    },
  });
  return [
    make('etcd', 'registry.k8s.io/etcd:3.6.4-0', { requests: { cpu: '100m', memory: '100Mi' } }),
    make('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.34.0', { requests: { cpu: '250m' } }),
    make('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.34.0', {
      requests: { cpu: '200m' },
    }),
    make('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.34.0', { requests: { cpu: '100m' } }),
  ];
}
