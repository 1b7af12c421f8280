import { describe, expect, it } from 'vitest';
import { imageDigest, lookUp, parseImage, pullErrorMessage } from './registry';
import { makePod } from '../testing/builders';
import { TestCluster } from '../testing/testCluster';

describe('image references', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', 'latest'],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27'],
    ['bitnami/redis:7', 'docker.io', 'bitnami/redis', '7'],
    ['registry.k8s.io/pause:3.10.1', 'registry.k8s.io', 'pause', '3.10.1'],
    ['localhost:5000/app', 'localhost:5000', 'app', 'latest'],
  ])('%s is %s/%s:%s', (image, registry, repository, tag) => {
    expect(parseImage(image)).toMatchObject({ registry, repository, tag });
  });

  it.each([
    ['nginx:1.27', null],
    ['nginx', null],
    ['nginx:9.99', 'manifest-unknown'],
    ['myapp:1.0', 'repository-missing'],
    ['nginx@sha256:0123', null],
  ])('%s → %s', (image, error) => {
    expect(lookUp(parseImage(image))).toBe(error);
  });

  it('words the failure as each runtime does', () => {
    const ref = parseImage('nginx:9.99');
    expect(pullErrorMessage(ref, 'manifest-unknown', 'docker')).toBe(
      'Error response from daemon: manifest for nginx:9.99 not found: manifest unknown: manifest unknown',
    );
    expect(pullErrorMessage(ref, 'manifest-unknown', 'containerd')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:9.99": failed to resolve reference "docker.io/library/nginx:9.99": docker.io/library/nginx:9.99: not found',
    );
    expect(pullErrorMessage(parseImage('myapp'), 'repository-missing', 'docker')).toMatch(
      /^Error response from daemon: pull access denied for myapp, repository does not exist/,
    );
  });
});

describe('the image and image ID a container status shows, per runtime', () => {
  const statusOf = (runtime: 'docker' | 'containerd' | 'cri-o') => {
    const t = TestCluster.ready({ nodes: 1, runtime }).apply(makePod('web').image('nginx:1.27').build());
    t.advance('30s');
    return t.cluster.get('Pod', 'default', 'web')!.status.containerStatuses![0]!;
  };

  it('docker (cri-dockerd): the name as written, a docker-pullable:// repo digest', () => {
    const s = statusOf('docker');
    expect(s.image).toBe('nginx:1.27');
    expect(s.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it.each(['containerd', 'cri-o'] as const)('%s: the fully qualified name and its repo digest', (runtime) => {
    const s = statusOf(runtime);
    expect(s.image).toBe('docker.io/library/nginx:1.27');
    expect(s.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('one digest per repository and tag, whatever the runtime', () => {
    const digest = (id: string) => id.slice(id.indexOf('@'));
    expect(digest(statusOf('docker').imageID)).toBe(digest(statusOf('containerd').imageID));
    expect(imageDigest(parseImage('nginx:1.27'))).not.toBe(imageDigest(parseImage('nginx:1.28')));
  });
});
