/**
 * The containers and volumes of the control plane's static pods as kubeadm 1.34 writes their
 * manifests for minikube: minikube's certificate directory (/var/lib/minikube/certs) and etcd data
 * directory, its extra flags (the admission plugins, --leader-elect=false, the pod range), probes
 * on a named port, and the host directories each component mounts.
 */
import type { Container, Probe, Volume, VolumeMount } from './api/types';

const NODE_IP = '192.168.49.2';
const CERTS = '/var/lib/minikube/certs';

/** kubeadm's probes: liveness and startup 10 s after start, every 10 s; readiness every second. */
const probe = (
  host: string,
  path: string,
  scheme: 'HTTP' | 'HTTPS',
  failureThreshold: number,
  initialDelaySeconds?: number,
): Probe => ({
  httpGet: { host, path, port: 'probe-port', scheme },
  ...(initialDelaySeconds ? { initialDelaySeconds } : {}),
  timeoutSeconds: 15,
  periodSeconds: initialDelaySeconds ? 10 : 1,
  successThreshold: 1,
  failureThreshold,
});
const probes = (
  host: string,
  live: string,
  ready: string | null,
  start: string,
  scheme: 'HTTP' | 'HTTPS',
) => ({
  livenessProbe: probe(host, live, scheme, 8, 10),
  ...(ready ? { readinessProbe: probe(host, ready, scheme, 3) } : {}),
  startupProbe: probe(host, start, scheme, 24, 10),
});

const hostDir = (name: string, path: string, type = 'DirectoryOrCreate'): Volume => ({
  name,
  hostPath: { path, type },
});
const mount = (name: string, mountPath: string, readOnly = true): VolumeMount => ({
  name,
  mountPath,
  ...(readOnly ? { readOnly } : {}),
});

/** The CA bundles of the host (Debian), mounted read-only by kube-apiserver and kube-controller-manager. */
const CA_VOLUMES = [
  hostDir('ca-certs', '/etc/ssl/certs'),
  hostDir('etc-ca-certificates', '/etc/ca-certificates'),
  hostDir('k8s-certs', CERTS),
  hostDir('usr-local-share-ca-certificates', '/usr/local/share/ca-certificates'),
  hostDir('usr-share-ca-certificates', '/usr/share/ca-certificates'),
];
const CA_MOUNTS = CA_VOLUMES.map((v) => mount(v.name, v.hostPath!.path));

export interface StaticPodSpec {
  readonly container: Omit<Container, 'name' | 'image' | 'resources'>;
  readonly volumes: Volume[];
}

const port = (containerPort: number) => [
  { containerPort, hostPort: containerPort, name: 'probe-port', protocol: 'TCP' as const },
];

export const STATIC_POD_SPECS: Readonly<Record<string, StaticPodSpec>> = {
  etcd: {
    container: {
      command: [
        'etcd',
        `--advertise-client-urls=https://${NODE_IP}:2379`,
        `--cert-file=${CERTS}/etcd/server.crt`,
        '--client-cert-auth=true',
        '--data-dir=/var/lib/minikube/etcd',
        '--feature-gates=InitialCorruptCheck=true',
        `--initial-advertise-peer-urls=https://${NODE_IP}:2380`,
        `--initial-cluster=minikube=https://${NODE_IP}:2380`,
        `--key-file=${CERTS}/etcd/server.key`,
        `--listen-client-urls=https://127.0.0.1:2379,https://${NODE_IP}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${NODE_IP}:2380`,
        '--name=minikube',
        `--peer-cert-file=${CERTS}/etcd/peer.crt`,
        '--peer-client-cert-auth=true',
        `--peer-key-file=${CERTS}/etcd/peer.key`,
        `--peer-trusted-ca-file=${CERTS}/etcd/ca.crt`,
        '--proxy-refresh-interval=70000',
        '--snapshot-count=10000',
        `--trusted-ca-file=${CERTS}/etcd/ca.crt`,
        '--watch-progress-notify-interval=5s',
      ],
      imagePullPolicy: 'IfNotPresent',
      ports: port(2381),
      ...probes('127.0.0.1', '/livez', '/readyz', '/readyz', 'HTTP'),
      volumeMounts: [
        mount('etcd-data', '/var/lib/minikube/etcd', false),
        mount('etcd-certs', `${CERTS}/etcd`, false),
      ],
    },
    volumes: [hostDir('etcd-certs', `${CERTS}/etcd`), hostDir('etcd-data', '/var/lib/minikube/etcd')],
  },
  'kube-apiserver': {
    container: {
      command: [
        'kube-apiserver',
        `--advertise-address=${NODE_IP}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        `--client-ca-file=${CERTS}/ca.crt`,
        '--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultStorageClass,DefaultTolerationSeconds,NodeRestriction,MutatingAdmissionWebhook,ValidatingAdmissionWebhook,ResourceQuota',
        '--enable-bootstrap-token-auth=true',
        `--etcd-cafile=${CERTS}/etcd/ca.crt`,
        `--etcd-certfile=${CERTS}/apiserver-etcd-client.crt`,
        `--etcd-keyfile=${CERTS}/apiserver-etcd-client.key`,
        '--etcd-servers=https://127.0.0.1:2379',
        `--kubelet-client-certificate=${CERTS}/apiserver-kubelet-client.crt`,
        `--kubelet-client-key=${CERTS}/apiserver-kubelet-client.key`,
        '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname',
        `--proxy-client-cert-file=${CERTS}/front-proxy-client.crt`,
        `--proxy-client-key-file=${CERTS}/front-proxy-client.key`,
        '--requestheader-allowed-names=front-proxy-client',
        `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`,
        '--requestheader-extra-headers-prefix=X-Remote-Extra-',
        '--requestheader-group-headers=X-Remote-Group',
        '--requestheader-username-headers=X-Remote-User',
        '--secure-port=8443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        `--service-account-key-file=${CERTS}/sa.pub`,
        `--service-account-signing-key-file=${CERTS}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12',
        `--tls-cert-file=${CERTS}/apiserver.crt`,
        `--tls-private-key-file=${CERTS}/apiserver.key`,
      ],
      imagePullPolicy: 'IfNotPresent',
      ports: port(8443),
      ...probes(NODE_IP, '/livez', '/readyz', '/livez', 'HTTPS'),
      volumeMounts: CA_MOUNTS,
    },
    volumes: CA_VOLUMES,
  },
  'kube-controller-manager': {
    container: {
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        `--client-ca-file=${CERTS}/ca.crt`,
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=mk',
        `--cluster-signing-cert-file=${CERTS}/ca.crt`,
        `--cluster-signing-key-file=${CERTS}/ca.key`,
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=false',
        `--requestheader-client-ca-file=${CERTS}/front-proxy-ca.crt`,
        `--root-ca-file=${CERTS}/ca.crt`,
        `--service-account-private-key-file=${CERTS}/sa.key`,
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      imagePullPolicy: 'IfNotPresent',
      ports: port(10257),
      ...probes('127.0.0.1', '/healthz', null, '/healthz', 'HTTPS'),
      volumeMounts: [
        ...CA_MOUNTS.slice(0, 2),
        mount('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', false),
        CA_MOUNTS[2]!,
        mount('kubeconfig', '/etc/kubernetes/controller-manager.conf'),
        ...CA_MOUNTS.slice(3),
      ],
    },
    volumes: [
      ...CA_VOLUMES.slice(0, 2),
      hostDir('flexvolume-dir', '/usr/libexec/kubernetes/kubelet-plugins/volume/exec'),
      CA_VOLUMES[2]!,
      hostDir('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate'),
      ...CA_VOLUMES.slice(3),
    ],
  },
  'kube-scheduler': {
    container: {
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=false',
      ],
      imagePullPolicy: 'IfNotPresent',
      ports: port(10259),
      ...probes('127.0.0.1', '/livez', '/readyz', '/livez', 'HTTPS'),
      volumeMounts: [mount('kubeconfig', '/etc/kubernetes/scheduler.conf')],
    },
    volumes: [hostDir('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
  },
};
