/** Building terminal output and the real tools' error lines. */
import type { StatusError } from '../engine/apiserver/request';
import type { Command, Output } from './types';

export const ok = (text: string): Output => ({ text, error: false });
export const fail = (text: string): Output => ({ text, error: true });
export const errorCommand = (text: string): Command => ({ type: 'error', output: fail(text) });

/** Resources whose API group kube-apiserver names in its messages (`deployments.apps "web" not found`). */
const GROUPED: Record<string, string> = {
  deployments: 'apps',
  replicasets: 'apps',
  daemonsets: 'apps',
  endpointslices: 'discovery.k8s.io',
  leases: 'coordination.k8s.io',
};

/** The qualified resource at the start of an apiserver message: `deployments "x"` → `deployments.apps "x"`. */
export function qualify(message: string): string {
  return message.replace(/^([a-z]+)( "|\/)/, (whole, resource: string, rest: string) =>
    Object.hasOwn(GROUPED, resource) ? `${resource}.${GROUPED[resource]}${rest}` : whole,
  );
}

/** How kubectl prints an API error (`StandardErrorMessage`). */
export function serverError(error: StatusError): string {
  if (error.reason === 'Unauthorized') return 'error: You must be logged in to the server (Unauthorized)';
  if (error.reason === 'Invalid') return `The ${qualify(error.message)}`;
  return `Error from server (${error.reason}): ${qualify(error.message)}`;
}
