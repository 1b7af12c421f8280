import { describe, expect, it } from 'vitest';
import { sameJson, sortedJson, threeWayMerge } from './merge';

const container = (name: string, image: string, extra: Record<string, unknown> = {}) => ({
  name,
  image,
  ...extra,
});

describe('threeWayMerge (client-side apply)', () => {
  it('removes what the last manifest had and this one has not, and keeps what others set', () => {
    const original = { metadata: { labels: { app: 'web', tier: 'front' } } };
    const modified = { metadata: { labels: { app: 'web' } } };
    const current = { metadata: { labels: { app: 'web', tier: 'front', team: 'a' } } };
    expect(threeWayMerge(original, modified, current)).toEqual({
      metadata: { labels: { app: 'web', team: 'a' } },
    });
  });

  it("lets the manifest's value win over a change made since (replicas after kubectl scale)", () => {
    const original = { spec: { replicas: 2 } };
    const current = { spec: { replicas: 3, revisionHistoryLimit: 10 } };
    expect(threeWayMerge(original, original, current)).toEqual({
      spec: { replicas: 2, revisionHistoryLimit: 10 },
    });
  });

  it("keeps the server's defaults inside merged containers, matched by name", () => {
    const original = { containers: [container('web', 'nginx:1.27'), container('log', 'busybox')] };
    const modified = { containers: [container('web', 'nginx:1.28')] };
    const current = {
      containers: [
        container('log', 'busybox', { imagePullPolicy: 'Always' }),
        container('web', 'nginx:1.27', { imagePullPolicy: 'IfNotPresent' }),
        container('sidecar', 'envoy'),
      ],
    };
    expect(threeWayMerge(original, modified, current)).toEqual({
      containers: [
        container('web', 'nginx:1.28', { imagePullPolicy: 'IfNotPresent' }),
        container('sidecar', 'envoy'),
      ],
    });
  });

  it('merges container ports by containerPort and Service ports by port', () => {
    const pod = threeWayMerge(
      {},
      { containers: [container('web', 'nginx', { ports: [{ containerPort: 80 }] })] },
      { containers: [container('web', 'nginx', { ports: [{ containerPort: 80, protocol: 'TCP' }] })] },
    );
    expect(pod).toEqual({
      containers: [container('web', 'nginx', { ports: [{ containerPort: 80, protocol: 'TCP' }] })],
    });
    const svc = threeWayMerge(
      { ports: [{ port: 80 }] },
      { ports: [{ port: 443 }] },
      { ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
    );
    expect(svc).toEqual({ ports: [{ port: 443 }] });
  });

  it('replaces lists without a merge key whole', () => {
    const merged = threeWayMerge(
      { tolerations: [{ key: 'a' }] },
      { tolerations: [{ key: 'b' }] },
      { tolerations: [{ key: 'a' }, { key: 'c' }] },
    );
    expect(merged).toEqual({ tolerations: [{ key: 'b' }] });
  });

  it('changes nothing when the manifest says what the object already has', () => {
    const current = { metadata: { labels: { app: 'web' } }, spec: { replicas: 2, paused: false } };
    const manifest = { metadata: { labels: { app: 'web' } }, spec: { replicas: 2 } };
    expect(sameJson(threeWayMerge(manifest, manifest, current), current)).toBe(true);
  });
});

describe('sortedJson', () => {
  it("writes keys in order, as Go's encoding/json writes a map", () => {
    expect(
      sortedJson({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'x', annotations: {} }, list: [2, 'a'] }),
    ).toBe('{"apiVersion":"v1","kind":"Pod","list":[2,"a"],"metadata":{"annotations":{},"name":"x"}}');
  });
});
