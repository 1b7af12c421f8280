/** API requests and the errors kube-apiserver answers with (apimachinery's StatusError shapes). */
import type { Kind, KubeObject } from '../api/types';
import { RESOURCES } from '../api/resources';

export type Verb =
  | 'get'
  | 'list'
  | 'create'
  | 'update'
  | 'updateStatus'
  | 'patch'
  | 'delete'
  | 'bind'
  /** A pod's eviction subresource (policy/v1 Eviction): kubectl drain's way to delete. */
  | 'evict';

export interface ApiRequest {
  readonly verb: Verb;
  readonly kind: Kind;
  readonly namespace?: string;
  readonly name?: string;
  /** For `patch`: the object whose `spec` fields are merged onto the stored spec (a merge patch, no resourceVersion precondition). */
  readonly object?: KubeObject;
  /** For `bind`: the node the pod goes to. */
  readonly target?: string;
  /**
   * The API group version the client writes through, when not the kind's own: kube-scheduler and
   * kube-proxy write Events through events.k8s.io/v1.
   */
  readonly apiVersion?: string;
  /**
   * The client sends an update or status update as a strategic-merge PATCH (kubelet's pod and node
   * status, kube-scheduler's PodScheduled condition, node-lifecycle's taints, an Event's repeat): the
   * trace shows PATCH. kube-apiserver works it out as the update it amounts to.
   */
  readonly asPatch?: boolean;
  /** For `delete`: seconds to wait before the object is gone; pods default to their terminationGracePeriodSeconds. */
  readonly gracePeriodSeconds?: number;
}

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Forbidden'
  | 'Invalid'
  | 'BadRequest'
  | 'InternalError'
  | 'ServiceUnavailable'
  | 'Unauthorized'
  // Not a Status from the server: the client's connection was refused (kube-apiserver not listening).
  | 'ConnectionRefused';

export interface StatusError {
  readonly code: number;
  readonly reason: StatusReason;
  readonly message: string;
}

export type ApiResult =
  { readonly ok: true; readonly object: KubeObject } | { readonly ok: false; readonly error: StatusError };
export type ListResult =
  | { readonly ok: true; readonly items: readonly KubeObject[] }
  | { readonly ok: false; readonly error: StatusError };

const resourceOf = (kind: Kind) => RESOURCES[kind].resource;
const groupOf = (kind: Kind) => {
  const v = RESOURCES[kind].apiVersion;
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
};

export const notFound = (kind: Kind, name: string): StatusError => ({
  code: 404,
  reason: 'NotFound',
  message: `${resourceOf(kind)} "${name}" not found`,
});

export const alreadyExists = (kind: Kind, name: string): StatusError => ({
  code: 409,
  reason: 'AlreadyExists',
  message: `${resourceOf(kind)} "${name}" already exists`,
});

export const conflict = (kind: Kind, name: string, why?: string): StatusError => ({
  code: 409,
  reason: 'Conflict',
  message: `Operation cannot be fulfilled on ${resourceOf(kind)} "${name}": ${
    why ?? 'the object has been modified; please apply your changes to the latest version and try again'
  }`,
});

export function forbidden(
  user: string,
  verb: Verb,
  kind: Kind,
  namespace: string | undefined,
  name?: string,
  why?: string,
): StatusError {
  const apiVerb = verb === 'updateStatus' ? 'update' : verb === 'bind' ? 'create' : verb;
  const resource =
    verb === 'updateStatus'
      ? `${resourceOf(kind)}/status`
      : verb === 'bind'
        ? 'pods/binding'
        : resourceOf(kind);
  const scope = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
  const subject = name ? `${resourceOf(kind)} "${name}"` : resourceOf(kind);
  return {
    code: 403,
    reason: 'Forbidden',
    message: `${subject} is forbidden: User "${user}" cannot ${apiVerb} resource "${resource}" in API group "${groupOf(kind)}"${scope}${
      why ? `: ${why}` : ''
    }`,
  };
}

/** Field errors as an aggregate prints them: one alone, several (repeats dropped) in brackets. */
function aggregate(causes: readonly string[]): string {
  const distinct = [...new Set(causes)];
  return distinct.length === 1 ? distinct[0]! : `[${distinct.join(', ')}]`;
}

export const invalid = (kind: Kind, name: string, causes: readonly string[]): StatusError => ({
  code: 422,
  reason: 'Invalid',
  message: `${kind} "${name}" is invalid: ${aggregate(causes)}`,
});

/** What a client hears when kube-apiserver is not listening: no answer at all, its connection is refused. */
export const connectionRefused = (): StatusError => ({
  code: 0,
  reason: 'ConnectionRefused',
  message: 'dial tcp 192.168.49.2:8443: connect: connection refused',
});

export const etcdUnavailable = (): StatusError => ({
  code: 500,
  reason: 'InternalError',
  message: 'Internal error occurred: etcdserver: request timed out',
});
