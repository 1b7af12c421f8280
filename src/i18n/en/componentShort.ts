import type { ComponentTextKey } from './components';

/** Each component's label on its diagram card, in English (loaded with the page; the rest of a
 * component's text loads when Details first opens). */
export const componentShortEn = {
  kubectl: { short: 'Command-line client' },
  'kube-apiserver': { short: 'API server' },
  etcd: { short: 'Cluster store' },
  'kube-scheduler': { short: 'Scheduler' },
  'kube-controller-manager': { short: 'Controllers' },
  kubelet: { short: 'Node agent' },
  'kube-proxy': { short: 'Service proxy' },
  docker: { short: 'Container runtime' },
  containerd: { short: 'Container runtime' },
  'cri-o': { short: 'Container runtime' },
  coredns: { short: 'Cluster DNS' },
  dashboard: { short: 'Web UI' },
  node: { short: 'Worker node' },
  controlPlaneNode: { short: 'Control plane node' },
} satisfies Record<ComponentTextKey, { short: string }>;
