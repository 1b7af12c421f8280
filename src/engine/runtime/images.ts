/** Image sizes (bytes) for the images this cluster pulls, as registries report them; others get a typical size. */
export const IMAGE_SIZES: Record<string, number> = {
  nginx: 72_099_410,
  'nginx:latest': 72_099_410,
  'nginx:1.27': 72_099_410,
  'nginx:1.28': 72_430_128,
  busybox: 4_269_640,
  'busybox:1.36': 4_269_640,
  'redis:7': 117_200_640,
  'httpd:2.4': 58_254_418,
  'registry.k8s.io/pause:3.10.1': 736_000,
  'registry.k8s.io/kube-apiserver:v1.34.0': 88_900_000,
  'registry.k8s.io/kube-controller-manager:v1.34.0': 82_100_000,
  'registry.k8s.io/kube-scheduler:v1.34.0': 66_400_000,
  'registry.k8s.io/kube-proxy:v1.34.0': 75_600_000,
  'registry.k8s.io/etcd:3.6.4-0': 194_800_000,
  'registry.k8s.io/coredns/coredns:v1.12.1': 74_500_000,
  'gcr.io/k8s-minikube/storage-provisioner:v5': 31_465_472,
  'docker.io/kubernetesui/dashboard:v2.7.0': 245_780_000,
  'docker.io/kindest/kindnetd:v20250512-df8de77b': 38_600_000,
};

/** kindnet's image (minikube 1.37's kindnet manifest). */
export const KINDNETD_IMAGE = 'docker.io/kindest/kindnetd:v20250512-df8de77b';

const TYPICAL_SIZE = 50_000_000;

export const imageSize = (image: string) => IMAGE_SIZES[image] ?? TYPICAL_SIZE;

/** The images every node already has when it joins (minikube preloads them). */
export const PRELOADED_IMAGES = [
  'registry.k8s.io/pause:3.10.1',
  'registry.k8s.io/kube-proxy:v1.34.0',
  'registry.k8s.io/kube-apiserver:v1.34.0',
  'registry.k8s.io/kube-controller-manager:v1.34.0',
  'registry.k8s.io/kube-scheduler:v1.34.0',
  'registry.k8s.io/etcd:3.6.4-0',
  'registry.k8s.io/coredns/coredns:v1.12.1',
  'gcr.io/k8s-minikube/storage-provisioner:v5',
];

/** Download speed for pulls: about 25 MB/s, plus a fixed half second for the registry round trips. */
export const PULL_BYTES_PER_MS = 25_000;
export const PULL_OVERHEAD_MS = 500;
