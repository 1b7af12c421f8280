import { describe, expect, it } from 'vitest';
import type { Container } from '../api/types';
import { appOf, COREDNS_READY_AFTER_MS } from './apps';

const container = (image: string, extra: Partial<Container> = {}): Container => ({
  name: 'c',
  image,
  ...extra,
});
const serving = { coreDnsServing: () => true };

describe('appOf: what a container answers its probes', () => {
  it('nginx serves its document root on port 80 and says 404 to other paths', () => {
    const app = appOf(container('nginx:1.27'), serving);
    expect(app.http(80, '/', 0)).toBe(200);
    expect(app.http(80, '/healthz', 0)).toBe(404);
    expect(app.http(8080, '/', 0)).toBeNull();
    expect(app.tcp(80, 0)).toBe(true);
    expect(app.tcp(443, 0)).toBe(false);
  });

  it('runs no server when its command replaces the image’s', () => {
    expect(appOf(container('nginx:1.27', { command: ['sleep', '3600'] }), serving).tcp(80, 0)).toBe(false);
    expect(
      appOf(container('nginx:1.27', { command: ['nginx', '-g', 'daemon off;'] }), serving).http(80, '/', 0),
    ).toBe(200);
  });

  it('CoreDNS: /health at once, /ready once its plugins are ready and while its server answers', () => {
    const app = appOf(container('registry.k8s.io/coredns/coredns:v1.12.1'), serving);
    expect(app.http(8080, '/health', 0)).toBe(200);
    expect(app.http(8181, '/ready', 0)).toBe(503);
    expect(app.http(8181, '/ready', COREDNS_READY_AFTER_MS)).toBe(200);
    const held = appOf(container('registry.k8s.io/coredns/coredns:v1.12.1'), { coreDnsServing: () => false });
    expect(held.http(8181, '/ready', 60_000)).toBe(503);
    expect(held.http(8080, '/health', 60_000)).toBe(200);
  });

  it('agnhost liveness: /healthz answers 200 for 10 s, then 500 (the docs’ HTTP liveness example)', () => {
    const app = appOf(
      container('registry.k8s.io/e2e-test-images/agnhost:2.40', { args: ['liveness'] }),
      serving,
    );
    expect(app.http(8080, '/healthz', 9_999)).toBe(200);
    expect(app.http(8080, '/healthz', 10_000)).toBe(500);
    expect(app.http(8080, '/', 0)).toBe(404);
  });

  it('databases take TCP connections on their port; etcd answers gRPC health checks on its client port', () => {
    expect(appOf(container('redis:7'), serving).tcp(6379, 0)).toBe(true);
    expect(appOf(container('redis:7'), serving).http(6379, '/', 0)).toEqual({
      notHttp: "-ERR wrong number of arguments for 'get' command",
    });
    expect(appOf(container('postgres:16'), serving).http(5432, '/', 0)).toEqual({ notHttp: 'EOF' });
    const etcd = appOf(
      container('registry.k8s.io/etcd:3.5.1-0', {
        command: ['/usr/local/bin/etcd', '--listen-client-urls=http://0.0.0.0:2379'],
      }),
      serving,
    );
    expect(etcd.grpc(2379, 0)).toBe('SERVING');
    expect(etcd.grpc(2380, 0)).toBeNull();
  });

  it('busybox listens on nothing; an image it does not know serves the ports it declares', () => {
    expect(appOf(container('busybox', { args: ['sleep', '3600'] }), serving).tcp(80, 0)).toBe(false);
    // postgres told to run something else runs no postgres.
    expect(appOf(container('postgres:16', { command: ['my-app'] }), serving).tcp(5432, 0)).toBe(false);
    const python = appOf(
      container('python:3.12', {
        command: ['python', '-m', 'http.server', '8000'],
        ports: [{ containerPort: 8000 }],
      }),
      serving,
    );
    expect(python.http(8000, '/anything', 0)).toBe(200);
    expect(python.tcp(8001, 0)).toBe(false);
  });
});
