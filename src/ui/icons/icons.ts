/**
 * One icon per component kind: the official Kubernetes icon set (Kubernetes Icons Set, The Kubernetes
 * Authors, CC BY 4.0) where it has one, and icons drawn in the same style for the rest.
 */
import type { ComponentKind } from '../../engine/topology';
import type { RuntimeName } from '../../engine/clusterConfig';
import apiserver from './kube-apiserver.svg';
import controllerManager from './kube-controller-manager.svg';
import scheduler from './kube-scheduler.svg';
import kubelet from './kubelet.svg';
import kubeProxy from './kube-proxy.svg';
import etcd from './etcd.svg';
import kubectl from './kubectl.svg';
import coredns from './coredns.svg';
import dashboard from './dashboard.svg';
import docker from './docker.svg';
import containerd from './containerd.svg';
import crio from './cri-o.svg';
import node from './node.svg';
import controlPlane from './control-plane.svg';
import pod from './pod.svg';

const RUNTIME_ICONS: Record<RuntimeName, string> = { docker, containerd, 'cri-o': crio };

const KIND_ICONS: Record<Exclude<ComponentKind, 'container-runtime'>, string> = {
  kubectl,
  'kube-apiserver': apiserver,
  etcd,
  'kube-scheduler': scheduler,
  'kube-controller-manager': controllerManager,
  kubelet,
  'kube-proxy': kubeProxy,
  coredns,
  dashboard,
};

/** The icon URL for a component; the runtime's icon depends on which runtime it is. */
export function componentIcon(kind: ComponentKind, runtime: RuntimeName): string {
  return kind === 'container-runtime' ? RUNTIME_ICONS[runtime] : KIND_ICONS[kind];
}

export const NODE_ICON = node;
export const CONTROL_PLANE_ICON = controlPlane;
export const POD_ICON = pod;
