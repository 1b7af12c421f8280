import { describe, expect, it } from 'vitest';
import { lookUp, parseImage, pullErrorMessage } from './registry';

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
