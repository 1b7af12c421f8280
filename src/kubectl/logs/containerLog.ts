/**
 * A plausible container log from the image, with timestamps from the container's start: what nginx,
 * CoreDNS, the control plane's components and others print when they come up. Deterministic.
 */
import type { Pod } from '../../engine/api/types';
import { wallClock } from '../format/age';

export interface LogLine {
  /** RFC 3339 with nanoseconds, as `--timestamps` prints. */
  readonly at: string;
  readonly text: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function clock(ms: number) {
  const d = new Date(ms);
  return {
    rfc: `${d.toISOString().slice(0, 19)}.${pad(d.getUTCMilliseconds(), 3)}000000Z`,
    nginx: `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${d.toISOString().slice(11, 19)}`,
    klog: `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${d.toISOString().slice(11, 23)}000`,
  };
}

const NGINX = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
];

/**
 * What nginx prints when the kubelet stops it: the runtime sends the image's STOPSIGNAL (SIGQUIT),
 * the workers finish their requests and exit, then the master.
 */
function nginxShutdown(stop: number): LogLine[] {
  const c = clock(stop);
  const n = (pid: number, s: string) => ({ at: c.rfc, text: `${c.nginx} [notice] ${pid}#${pid}: ${s}` });
  return [
    n(1, 'signal 3 (SIGQUIT) received, shutting down'),
    n(29, 'gracefully shutting down'),
    n(30, 'gracefully shutting down'),
    n(29, 'exiting'),
    n(30, 'exiting'),
    n(29, 'exit'),
    n(30, 'exit'),
    n(1, 'signal 17 (SIGCHLD) received from 30'),
    n(1, 'worker process 30 exited with code 0'),
    n(1, 'signal 29 (SIGIO) received'),
    n(1, 'signal 17 (SIGCHLD) received from 29'),
    n(1, 'worker process 29 exited with code 0'),
    n(1, 'exit'),
  ];
}

function nginx(image: string, start: number): LogLine[] {
  const tag = /:(\d+\.\d+)(\.\d+)?/.exec(image);
  const version = tag ? `${tag[1]}${tag[2] ?? '.5'}` : '1.29.1';
  const c = clock(start + 40);
  const notice = (s: string) => `${c.nginx} [notice] 1#1: ${s}`;
  return [
    ...NGINX.map((text, i) => ({ at: clock(start + i * 4).rfc, text })),
    ...[
      notice('using the "epoll" event method'),
      notice(`nginx/${version}`),
      notice('built by gcc 12.2.0 (Debian 12.2.0-14) '),
      notice('OS: Linux 6.8.0-1029-gcp'),
      notice('getrlimit(RLIMIT_NOFILE): 1048576:1048576'),
      notice('start worker processes'),
      notice('start worker process 29'),
      notice('start worker process 30'),
    ].map((text) => ({ at: c.rfc, text })),
  ];
}

function coredns(start: number): LogLine[] {
  const at = clock(start + 120).rfc;
  return [
    '.:53',
    '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b',
    'CoreDNS-1.12.1',
    'linux/amd64, go1.24.1, 707c7c1',
  ].map((text) => ({ at, text }));
}

function klog(start: number, lines: readonly [string, string][]): LogLine[] {
  return lines.map(([file, msg], i) => {
    const c = clock(start + i * 37);
    return { at: c.rfc, text: `I${c.klog}       1 ${file}] ${msg}` };
  });
}

function component(name: string, start: number, pod: Pod): LogLine[] {
  switch (name) {
    case 'kube-apiserver':
      return klog(start, [
        ['options.go:249', 'external host was not specified, using 192.168.49.2'],
        ['server.go:161', 'Version: v1.34.0'],
        ['secure_serving.go:211', 'Serving securely on [::]:8443'],
        ['controller.go:615', 'quota admission added evaluator for: namespaces'],
        [
          'alloc.go:328',
          '"allocated clusterIPs" service="default/kubernetes" clusterIPs={"IPv4":"10.96.0.1"}',
        ],
      ]);
    case 'kube-scheduler':
      return klog(start, [
        ['serving.go:386', 'Generated self-signed cert in-memory'],
        ['server.go:167', '"Starting Kubernetes Scheduler" version="v1.34.0"'],
        ['secure_serving.go:211', 'Serving securely on 127.0.0.1:10259'],
        ['leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler...'],
        ['leaderelection.go:271', 'successfully acquired lease kube-system/kube-scheduler'],
      ]);
    case 'kube-controller-manager':
      return klog(start, [
        ['serving.go:386', 'Generated self-signed cert in-memory'],
        ['controllermanager.go:191', '"Starting" version="v1.34.0"'],
        ['leaderelection.go:271', 'successfully acquired lease kube-system/kube-controller-manager'],
        ['controllermanager.go:781', '"Started controller" controller="replicaset-controller"'],
        ['controllermanager.go:781', '"Started controller" controller="deployment-controller"'],
        ['controllermanager.go:781', '"Started controller" controller="endpointslice-controller"'],
        ['controllermanager.go:781', '"Started controller" controller="node-lifecycle-controller"'],
      ]);
    case 'etcd': {
      const at = clock(start).rfc;
      return [
        `{"level":"info","ts":"${at.slice(0, 23)}Z","caller":"embed/etcd.go:138","msg":"configuring peer listeners","listen-peer-urls":["https://192.168.49.2:2380"]}`,
        `{"level":"info","ts":"${at.slice(0, 23)}Z","caller":"etcdserver/server.go:2089","msg":"published local member to cluster through raft","local-member-attributes":"{Name:minikube ClientURLs:[https://192.168.49.2:2379]}"}`,
        `{"level":"info","ts":"${at.slice(0, 23)}Z","caller":"embed/serve.go:275","msg":"serving client traffic securely","traffic":"grpc+http","address":"192.168.49.2:2379"}`,
      ].map((text) => ({ at, text }));
    }
    case 'kube-proxy':
      return klog(start, [
        ['server_linux.go:53', '"Using iptables proxy"'],
        [
          'server.go:715',
          `"Successfully retrieved node IP(s)" IPs=["${pod.status.hostIP ?? '192.168.49.2'}"]`,
        ],
        ['server.go:254', '"kube-proxy running in dual-stack mode" primary ipFamily="IPv4"'],
        ['config.go:199', '"Starting service config controller"'],
        ['config.go:105', '"Starting endpoint slice config controller"'],
        ['shared_informer.go:357', '"Caches are synced" controller="service config"'],
      ]);
    case 'storage-provisioner':
      return klog(start, [
        ['storage_provisioner.go:116', 'Initializing the minikube storage provisioner...'],
        ['storage_provisioner.go:141', 'Storage provisioner initialized, now starting service!'],
        [
          'leaderelection.go:243',
          'attempting to acquire leader lease kube-system/k8s.io-minikube-hostpath...',
        ],
      ]);
    default:
      return [];
  }
}

/** The log of a container of `pod` running `image`, started at `startedAt`, as far as `now`. */
export function containerLog(pod: Pod, image: string, startedAt: string, now: number): LogLine[] {
  const start = Date.parse(startedAt);
  const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!;
  let lines: LogLine[];
  if (base === 'nginx') {
    lines = nginx(image, start);
    // Being deleted: the kubelet stopped it when the grace period began.
    const deleting = pod.metadata.deletionTimestamp;
    const stop = deleting && Date.parse(deleting) - (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
    if (stop && stop >= start + 40) lines.push(...nginxShutdown(stop));
  } else if (base === 'coredns') lines = coredns(start);
  else if (base === 'echoserver')
    lines = [
      { at: clock(start + 50).rfc, text: 'Generating self-signed cert' },
      { at: clock(start + 90).rfc, text: 'Starting nginx' },
    ];
  else lines = component(base, start, pod);
  const until = wallClock(now);
  return lines.filter((l) => Date.parse(l.at) <= until);
}
