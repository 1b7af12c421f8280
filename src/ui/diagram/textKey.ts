/** Which inspector text describes a component or node. */
import type { RuntimeName } from '../../engine/clusterConfig';
import type { ClusterNode, Component } from '../../engine/topology';
import type { ComponentTextKey } from '../../i18n/en/components';

export function componentTextKey(component: Component, runtime: RuntimeName): ComponentTextKey {
  return component.kind === 'container-runtime' ? runtime : component.kind;
}

export function nodeTextKey(node: ClusterNode): ComponentTextKey {
  return node.controlPlane ? 'controlPlaneNode' : 'node';
}
