/**
 * An HTTP GET from a pod, as `wget` or `curl` in `kubectl exec` sends it: to a Service's ClusterIP
 * through the node's kube-proxy rules (the engine's connect: one ready backend, or none, which the
 * rules reject), or straight to a pod's IP; the backend's app answers as kubelet's probes meet it.
 */
import type { Container, Pod } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import { appOf } from '../../engine/runtime/apps';
import { parseImage } from '../../engine/runtime/registry';

export interface HttpResult {
  /** null: nothing accepted the connection (no endpoint, or nothing listening). */
  readonly status: number | null;
  readonly reason: string;
  readonly body: string;
}

const REFUSED: HttpResult = { status: null, reason: '', body: '' };
/** Long enough after its start that any app is up (the containers answered here have been running). */
const LONG_UP_MS = 3_600_000;

const NGINX_INDEX = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>`;

const NGINX_404 = `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/1.27.5</center>
</body>
</html>`;

/** What the pod's containers answer to GET `path` on `port`. */
export function answerOf(pod: Pod, port: number, path: string): HttpResult {
  for (const container of pod.spec.containers) {
    const answer = appOf(container, { coreDnsServing: () => true }).http(port, path, LONG_UP_MS);
    if (answer === null) continue;
    if (typeof answer !== 'number') return { status: 200, reason: 'OK', body: answer.notHttp };
    return { status: answer, reason: reasonOf(answer), body: bodyOf(container, answer) };
  }
  return REFUSED;
}

const reasonOf = (status: number) =>
  ({ 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error' })[status] ?? '';

function bodyOf(container: Container, status: number): string {
  const repo = parseImage(container.image).repository;
  if (repo === 'library/nginx') return status === 200 ? NGINX_INDEX : NGINX_404;
  if (repo === 'library/httpd')
    return status === 200
      ? '<html><body><h1>It works!</h1></body></html>'
      : '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>';
  return status === 200 ? 'ok' : '';
}

/** GET http://ip:port/path from a pod on `node`; `done` hears the answer once it has come back. */
export function httpGet(
  cluster: Cluster,
  node: string,
  ip: string,
  port: number,
  path: string,
  done: (result: HttpResult) => void,
): void {
  const service = cluster.list('Service').find((s) => s.spec.clusterIP === ip);
  if (service) {
    const namespace = service.metadata.namespace ?? 'default';
    cluster.connect(node, namespace, service.metadata.name, port, (backend) => {
      const pod = backend && cluster.list('Pod', namespace).find((p) => p.status.podIP === backend.ip);
      done(pod && backend ? answerOf(pod, backend.port, path) : REFUSED);
    });
    return;
  }
  // A pod's own address: the pod network carries it there, past kube-proxy's rules.
  const pod = cluster.list('Pod').find((p) => p.status.podIP === ip && !p.spec.hostNetwork);
  done(pod ? answerOf(pod, port, path) : REFUSED);
}
