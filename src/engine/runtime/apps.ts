/**
 * What a container's process answers, by image: which ports it listens on and what it says to an
 * HTTP GET, a TCP connect or a gRPC health check, some time after it started. kubelet's probes
 * meet this: nginx answers `/` but says 404 to `/healthz`; busybox running `sleep` listens on
 * nothing; agnhost's `liveness` server turns to 500 after 10 s, as in the Kubernetes docs.
 */
import type { Container } from '../api/types';
import { parseImage } from './registry';

/**
 * An HTTP status code; null when nothing listens on the port (connection refused); or, from a
 * server that speaks another protocol there, the first line it sends back (`EOF`: it closes).
 */
export type HttpAnswer = number | null | { readonly notHttp: string };
export type GrpcAnswer = 'SERVING' | 'NOT_SERVING' | null;

export interface App {
  http(port: number, path: string, upMs: number): HttpAnswer;
  tcp(port: number, upMs: number): boolean;
  grpc(port: number, upMs: number): GrpcAnswer;
}

/** CoreDNS's ready plugin answers 200 once its plugins are ready (the kubernetes plugin has synced): about a second. */
export const COREDNS_READY_AFTER_MS = 1_000;
/** agnhost `liveness`: /healthz answers 200 for its first 10 seconds, then 500. */
const AGNHOST_LIVENESS_HEALTHY_MS = 10_000;

/** What is up beyond the container itself (CoreDNS's server can be held down by hand). */
export interface AppContext {
  coreDnsServing(): boolean;
}

const NOTHING: App = { http: () => null, tcp: () => false, grpc: () => null };

/** A web server that serves its document root on one port: `/` and `/index.html`, 404 for the rest. */
function staticSite(port: number): App {
  return {
    http: (p, path) => (p !== port ? null : path === '/' || path === '/index.html' ? 200 : 404),
    tcp: (p) => p === port,
    grpc: () => null,
  };
}

/** A server that answers 200 to any path on these ports. */
function anyPath(ports: readonly number[]): App {
  return {
    http: (p) => (ports.includes(p) ? 200 : null),
    tcp: (p) => ports.includes(p),
    grpc: () => null,
  };
}

/**
 * A server speaking its own protocol on one port: a TCP connect works; an HTTP request gets what
 * that protocol answers it (`EOF`: the server closes the connection).
 */
function tcpOnly(port: number, toHttp: string | number = 'EOF'): App {
  return {
    http: (p) => (p !== port ? null : typeof toHttp === 'number' ? toHttp : { notHttp: toHttp }),
    tcp: (p) => p === port,
    grpc: () => null,
  };
}

/** The word a shell or a `command:` starts the process with, without its directory. */
const program = (words: readonly string[]) => (words[0] ?? '').split('/').pop() ?? '';

/**
 * The app a container runs. `command` overrides the image's entrypoint: a container told to run
 * `sleep 3600` runs no server, whatever its image.
 */
export function appOf(container: Container, context: AppContext): App {
  const repository = parseImage(container.image).repository;
  const declared = (container.ports ?? [])
    .filter((p) => (p.protocol ?? 'TCP') === 'TCP')
    .map((p) => p.containerPort);
  const command = container.command;
  const runs = (...programs: string[]) => !command?.length || programs.includes(program(command));
  switch (repository) {
    case 'library/nginx':
      return runs('nginx', 'nginx-debug') ? staticSite(80) : NOTHING;
    case 'library/httpd':
      return runs('httpd', 'httpd-foreground') ? staticSite(80) : NOTHING;
    case 'library/redis':
      // `GET / HTTP/1.1` reads as redis's GET command with two arguments.
      return runs('redis-server')
        ? tcpOnly(6379, "-ERR wrong number of arguments for 'get' command")
        : NOTHING;
    case 'library/postgres':
      return runs('postgres') ? tcpOnly(5432) : NOTHING;
    case 'library/mysql':
      return runs('mysqld') ? tcpOnly(3306) : NOTHING;
    case 'library/mongo':
      // mongod answers HTTP on its driver port with a 200 ("You are trying to access MongoDB over HTTP…").
      return runs('mongod') ? tcpOnly(27017, 200) : NOTHING;
    case 'coredns/coredns':
      return runs('coredns') ? coreDns(context) : NOTHING;
    case 'kubernetesui/dashboard':
      return anyPath([9090]);
    case 'kubernetesui/metrics-scraper':
      return anyPath([8000]);
    case 'echoserver':
    case 'goproxy':
      return anyPath([8080]);
    case 'e2e-test-images/agnhost':
      return agnhost(container.args ?? command?.slice(1) ?? []);
    case 'etcd':
      return runs('etcd') ? etcd(command ?? []) : NOTHING;
    case 'library/busybox':
    case 'library/alpine':
    case 'library/ubuntu':
    case 'library/debian':
    case 'k8s-minikube/busybox':
    case 'busybox':
      // Shells and tools: a server only if told to run one, which this model cannot read; nothing listens.
      return NOTHING;
    default:
      // An app this model does not know: it serves what it declares.
      return command?.length && /\bsleep\b/.test(command.join(' ')) ? NOTHING : anyPath(declared);
  }
}

/** CoreDNS's health plugin (:8080/health) and ready plugin (:8181/ready), DNS on 53, metrics on 9153. */
function coreDns(context: AppContext): App {
  return {
    http(port, path, upMs) {
      if (port === 8080) return path === '/health' ? 200 : 404;
      if (port === 8181)
        return path !== '/ready'
          ? 404
          : upMs >= COREDNS_READY_AFTER_MS && context.coreDnsServing()
            ? 200
            : 503;
      if (port === 9153) return path === '/metrics' ? 200 : 404;
      return null;
    },
    tcp: (port) => [53, 8080, 8181, 9153].includes(port),
    grpc: () => null,
  };
}

/** agnhost's subcommands the Kubernetes docs and e2e tests run. */
function agnhost(args: readonly string[]): App {
  switch (args[0]) {
    case 'liveness':
      return {
        http: (port, path, upMs) =>
          port !== 8080 ? null : path !== '/healthz' ? 404 : upMs < AGNHOST_LIVENESS_HEALTHY_MS ? 200 : 500,
        tcp: (port) => port === 8080,
        grpc: () => null,
      };
    case 'netexec':
      return anyPath([flagPort(args, '--http-port') ?? 8080]);
    case 'serve-hostname':
      return anyPath([9376]);
    default:
      return NOTHING;
  }
}

/** etcd run by hand: its client URL's port answers gRPC health checks (the docs' gRPC probe example). */
function etcd(command: readonly string[]): App {
  const urls = command.find((w) => w.startsWith('--listen-client-urls'))?.split('=')[1];
  const port = Number(/:(\d+)/.exec(urls ?? '')?.[1] ?? 2379);
  return {
    http: () => null,
    tcp: (p) => p === port,
    grpc: (p) => (p === port ? 'SERVING' : null),
  };
}

function flagPort(args: readonly string[], flag: string): number | undefined {
  const word = args.find((a) => a.startsWith(`${flag}=`));
  return word ? Number(word.slice(flag.length + 1)) : undefined;
}
