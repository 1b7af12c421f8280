/**
 * The container registries as the cluster sees them: which images exist, and the errors each
 * runtime reports when one does not (so ErrImagePull reads as it does on a real node).
 */
import { stableHex } from '../core/stableHex';
import type { RuntimeName } from '../clusterConfig';

export interface ImageRef {
  /** As written in the pod spec. */
  readonly image: string;
  readonly registry: string;
  /** With `library/` for Docker Hub's official images. */
  readonly repository: string;
  readonly tag: string;
  readonly digest?: string;
}

/**
 * Parsed references and digests by the text they come from (pure memos: a run names a few dozen
 * images, and every container start, status and probe parses its image again).
 */
const parsed = new Map<string, ImageRef>();
const digests = new Map<string, string>();
const MEMO_LIMIT = 10_000;

/** Parses an image reference the way the runtimes normalise it (docker.io, library/, latest). */
export function parseImage(image: string): ImageRef {
  let ref = parsed.get(image);
  if (ref === undefined) {
    if (parsed.size >= MEMO_LIMIT) parsed.clear();
    parsed.set(image, (ref = parseImageText(image)));
  }
  return ref;
}

function parseImageText(image: string): ImageRef {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? rest.slice(slash + 1) : rest;
  let tag = 'latest';
  const colon = path.lastIndexOf(':');
  if (colon >= 0) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  const repository = registry === 'docker.io' && !path.includes('/') ? `library/${path}` : path;
  return { image, registry, repository, tag, ...(digest ? { digest } : {}) };
}

/**
 * The simulated registry's content digest for an image (64 hex digits): fixed for a repository and
 * tag, so every node and every run reports the same one, as a real registry would.
 */
export function imageDigest(ref: ImageRef): string {
  const name = `${ref.registry}/${ref.repository}:${ref.tag}`;
  let digest = digests.get(name);
  if (digest === undefined) {
    if (digests.size >= MEMO_LIMIT) digests.clear();
    digests.set(name, (digest = stableHex(name, 8)));
  }
  return digest;
}

/** Repositories the simulated registries hold, with their tags ('*' = any tag). */
const CATALOG: Record<string, readonly string[]> = {
  'docker.io/library/nginx': ['latest', 'stable', 'alpine', '1.25', '1.26', '1.27', '1.28', '1.29'],
  'docker.io/library/busybox': ['latest', '1.36', '1.37'],
  'docker.io/library/alpine': ['latest', '3.19', '3.20', '3.21', '3.22'],
  'docker.io/library/redis': ['latest', '7', '7.2', '7.4', '8'],
  'docker.io/library/httpd': ['latest', '2.4'],
  'docker.io/library/ubuntu': ['latest', '22.04', '24.04'],
  'docker.io/library/debian': ['latest', 'bookworm', '12'],
  'docker.io/library/python': ['latest', '3.11', '3.12', '3.13'],
  'docker.io/library/node': ['latest', '20', '22', '24'],
  'docker.io/library/postgres': ['latest', '15', '16', '17'],
  'docker.io/library/mysql': ['latest', '8.0', '8.4', '9'],
  'docker.io/library/mongo': ['latest', '7', '8'],
  'docker.io/library/hello-world': ['latest'],
  'docker.io/kubernetesui/dashboard': ['v2.7.0'],
  'docker.io/kindest/kindnetd': ['v20250512-df8de77b'],
  'docker.io/kubernetesui/metrics-scraper': ['v1.0.8'],
  'registry.k8s.io/pause': ['3.10', '3.10.1'],
  'registry.k8s.io/echoserver': ['1.4', '1.10'],
  'registry.k8s.io/kube-apiserver': ['v1.34.0'],
  'registry.k8s.io/kube-controller-manager': ['v1.34.0'],
  'registry.k8s.io/kube-scheduler': ['v1.34.0'],
  'registry.k8s.io/kube-proxy': ['v1.34.0'],
  'registry.k8s.io/etcd': ['3.6.4-0', '3.5.1-0'],
  // The images the Kubernetes docs' probe examples run.
  'registry.k8s.io/busybox': ['1.27.2', 'latest'],
  'registry.k8s.io/e2e-test-images/agnhost': ['2.40', '2.52', '2.53'],
  'registry.k8s.io/goproxy': ['0.1'],
  'registry.k8s.io/coredns/coredns': ['v1.12.1'],
  'gcr.io/k8s-minikube/storage-provisioner': ['v5'],
  'gcr.io/k8s-minikube/busybox': ['latest', '1.28'],
};

export type PullError = 'manifest-unknown' | 'repository-missing';

/** Whether the image can be pulled, or why not. */
export function lookUp(ref: ImageRef): PullError | null {
  const tags = CATALOG[`${ref.registry}/${ref.repository}`];
  if (!tags) return 'repository-missing';
  if (ref.digest) return null;
  return tags.includes('*') || tags.includes(ref.tag) ? null : 'manifest-unknown';
}

/** The error text kubelet puts after `Failed to pull image "…": `, as each runtime words it. */
export function pullErrorMessage(ref: ImageRef, error: PullError, runtime: RuntimeName): string {
  const full = `${ref.registry}/${ref.repository}:${ref.tag}`;
  const short =
    ref.registry === 'docker.io'
      ? ref.repository.replace(/^library\//, '')
      : `${ref.registry}/${ref.repository}`;
  switch (runtime) {
    case 'docker':
      return error === 'manifest-unknown'
        ? `Error response from daemon: manifest for ${short}:${ref.tag} not found: manifest unknown: manifest unknown`
        : `Error response from daemon: pull access denied for ${short}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`;
    case 'containerd':
      return error === 'manifest-unknown'
        ? `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`
        : `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    case 'cri-o':
      return error === 'manifest-unknown'
        ? `rpc error: code = Unknown desc = reading manifest ${ref.tag} in ${ref.registry}/${ref.repository}: manifest unknown`
        : `rpc error: code = Unknown desc = initializing source docker://${full}: reading manifest ${ref.tag} in ${ref.registry}/${ref.repository}: requested access to the resource is denied`;
  }
}
