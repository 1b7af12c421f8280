/** The REST calls requests are, as the trace shows them: `PUT /api/v1/namespaces/default/pods/nginx/status`. */
import { memo3, RESOURCES, type Memo3 } from '../api/resources';
import type { Kind } from '../api/types';
import { objectRef } from '../trace';
import type { ApiRequest } from './request';

export function refOf(req: ApiRequest) {
  const name = req.name ?? req.object?.metadata.name ?? req.object?.metadata.generateName ?? '';
  const namespace = RESOURCES[req.kind].namespaced
    ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
    : undefined;
  return objectRef(req.kind, namespace, name);
}

export function collectionPath(kind: Kind, namespace?: string, apiVersion?: string): string {
  const info = RESOURCES[kind];
  const version = apiVersion ?? info.apiVersion;
  const base = version === 'v1' ? '/api/v1' : `/apis/${version}`;
  return `${base}${info.namespaced && namespace ? `/namespaces/${namespace}` : ''}/${info.resource}`;
}

const postTexts: Memo3 = new Map();

/** `POST /api/v1/namespaces/default/pods`: made once per kind and namespace (every create, Events included, sends one). */
const postText = (kind: Kind, namespace: string | undefined, apiVersion = '') =>
  memo3(
    postTexts,
    kind,
    namespace ?? '',
    apiVersion,
    () => `POST ${collectionPath(kind, namespace, apiVersion || undefined)}`,
  );

/** The REST call a request is, e.g. `PUT /api/v1/namespaces/default/pods/nginx/status`. */
export function describe(req: ApiRequest): string {
  const ns = RESOURCES[req.kind].namespaced
    ? (req.namespace ?? req.object?.metadata.namespace ?? 'default')
    : undefined;
  if (req.verb === 'create') return postText(req.kind, ns, req.apiVersion);
  const name = req.name ?? req.object?.metadata.name ?? '';
  const item = `${collectionPath(req.kind, ns, req.apiVersion)}/${name}`;
  switch (req.verb) {
    case 'update':
      return `${req.asPatch ? 'PATCH' : 'PUT'} ${item}`;
    case 'updateStatus':
      return `${req.asPatch ? 'PATCH' : 'PUT'} ${item}/status`;
    case 'patch':
      return `PATCH ${item}`;
    case 'bind':
      return `POST ${item}/binding → ${req.target}`;
    case 'delete':
      return `DELETE ${item}`;
    case 'evict':
      return `POST ${item}/eviction`;
    case 'get':
      return `GET ${item}`;
    case 'list':
      return `GET ${collectionPath(req.kind, ns)}`;
  }
}
