/**
 * Words for a trace message: a short label for the token that flies along the diagram
 * ("watch: Pod added", "bind", "renew Lease", "CRI RunPodSandbox") and a plain sentence for the
 * event log. Both are i18n keys with values, so they follow the language; the technical summary
 * (`PUT /registry/pods/default/web-1`) stays as it is in every language.
 */
import type { Message } from '../../engine/trace';

export interface Words {
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

export interface MessageWords {
  readonly label: Words;
  readonly sentence: Words;
}

const WATCH_TYPES: Record<string, string> = { ADDED: 'added', MODIFIED: 'modified', DELETED: 'deleted' };

function objectName(m: Message): string {
  const o = m.object;
  if (!o) return '';
  return o.namespace ? `${o.namespace}/${o.name}` : o.name;
}

/** The request's verb as people say it, from its REST line (`POST /api/v1/namespaces/default/pods`). */
function requestWords(m: Message, from: string, to: string): MessageWords {
  const [method = '', path = ''] = m.summary.split(' ');
  const kind = m.object?.kind ?? resourceKind(path);
  const values = { from, to, kind, name: objectName(m) || lastSegment(path), summary: m.summary };
  let verb: string;
  if (path.endsWith('/binding')) {
    const node = m.summary.split('→ ')[1] ?? '';
    return {
      label: { key: 'messages.label.bind', values: {} },
      sentence: { key: 'messages.sentence.bind', values: { ...values, node, name: podOfBinding(path) } },
    };
  }
  if (path.endsWith('/eviction')) {
    return {
      label: { key: 'messages.label.evict', values: {} },
      sentence: { key: 'messages.sentence.evict', values: { ...values, name: podOfBinding(path) } },
    };
  }
  if (kind === 'Lease' && method === 'PUT') verb = 'renewLease';
  else if (path.endsWith('/status')) verb = 'updateStatus';
  else if (method === 'POST') verb = 'create';
  else if (method === 'PUT') verb = 'update';
  else if (method === 'DELETE') verb = 'delete';
  else if (method === 'PATCH') verb = 'update';
  else verb = m.object ? 'get' : 'list';
  return {
    label: { key: `messages.label.${verb}`, values },
    sentence: { key: `messages.sentence.${verb}`, values },
  };
}

/** `/api/v1/namespaces/default/pods/web-1/binding` (or `/eviction`) → `default/web-1`. */
function podOfBinding(path: string): string {
  const parts = path.split('/');
  const ns = parts[parts.indexOf('namespaces') + 1] ?? '';
  const name = parts[parts.indexOf('pods') + 1] ?? '';
  return `${ns}/${name}`;
}

const lastSegment = (path: string) => path.split('?')[0]!.split('/').filter(Boolean).pop() ?? '';

/** The resource named by a collection path, as a Kind (`.../pods` → Pod), for lists without an object. */
function resourceKind(path: string): string {
  const resource = lastSegment(path);
  const known: Record<string, string> = {
    pods: 'Pod',
    nodes: 'Node',
    services: 'Service',
    endpointslices: 'EndpointSlice',
    replicasets: 'ReplicaSet',
    deployments: 'Deployment',
    daemonsets: 'DaemonSet',
    controllerrevisions: 'ControllerRevision',
    leases: 'Lease',
    events: 'Event',
    namespaces: 'Namespace',
    configmaps: 'ConfigMap',
  };
  return known[resource] ?? resource;
}

/**
 * The runtime's answers to kubelet and what it does to containers, by the shape of their technical
 * line (containerRuntime.ts writes them): each a sentence of its own, so that it reads in every
 * language. A line of no known shape keeps the general sentence.
 */
const RUNTIME_LINES: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [/^runtime config updated: podCIDR (\S+)$/, 'criReplies.config', ['cidr']],
  [/^sandbox (\S+) ready, IP (\S+)$/, 'criReplies.sandboxIp', ['id', 'ip']],
  [/^sandbox (\S+) ready$/, 'criReplies.sandbox', ['id']],
  [/^pull (\S+) failed: (.*)$/, 'criReplies.pullFailed', ['image', 'reason']],
  [/^pulled (\S+)$/, 'criReplies.pulled', ['image']],
  [/^created (\S+) (\S+)$/, 'criReplies.created', ['container', 'id']],
  [/^started (\S+)$/, 'criReplies.started', ['container']],
  [/^container (\S+) exited with code (\d+)$/, 'criReplies.exited', ['container', 'code']],
  [/^stopped (\S+)$/, 'criReplies.stopped', ['container']],
  [/^removed sandbox (\S+)$/, 'criReplies.removed', ['id']],
  [/^removed sandbox$/, 'criReplies.removedGone', []],
  [/^no such container$/, 'criReplies.noSuchContainer', []],
  [/^exec (.*): exit code (-?\d+)$/, 'criReplies.exec', ['command', 'code']],
  [/^exec (.*): timed out after (\S+)s$/, 'criReplies.execTimedOut', ['command', 'seconds']],
  [/^start pause container for (\S+)$/, 'runs.sandbox', ['pod']],
  [/^start (\S+) \((\S+)\) in (\S+)$/, 'runs.start', ['container', 'image', 'pod']],
  [/^stop (\S+) in (\S+)$/, 'runs.stop', ['container', 'pod']],
];

/** The sentence for a runtime line of a known shape, or null. */
function runtimeSentence(summary: string, base: Record<string, string>): Words | null {
  for (const [shape, key, names] of RUNTIME_LINES) {
    const match = shape.exec(summary);
    if (!match) continue;
    const values: Record<string, string> = { ...base };
    names.forEach((name, i) => (values[name] = match[i + 1]!));
    return { key: `messages.sentence.${key}`, values };
  }
  return null;
}

export function describeMessage(m: Message, nameOf: (endpoint: string) => string): MessageWords {
  const from = nameOf(m.from);
  const to = nameOf(m.to);
  const base = { from, to, summary: m.summary, name: objectName(m), kind: m.object?.kind ?? '' };
  const both = (verb: string, values: Record<string, string> = base): MessageWords => ({
    label: { key: `messages.label.${verb}`, values },
    sentence: { key: `messages.sentence.${verb}`, values },
  });
  switch (m.kind) {
    case 'request':
      return requestWords(m, from, to);
    case 'etcd': {
      const [method = '', key = ''] = m.summary.split(' ');
      const verb = method === 'DELETE' ? 'etcdDelete' : method === 'GET' ? 'etcdGet' : 'etcdPut';
      return both(verb, { ...base, key });
    }
    case 'watch': {
      const [type = '', kind = ''] = m.summary.split(' ');
      return both(`watch.${WATCH_TYPES[type] ?? 'modified'}`, { ...base, kind });
    }
    case 'list':
      return both('listReply', { ...base, what: m.summary });
    case 'error':
      return both('error');
    case 'cri': {
      const [method = ''] = m.summary.split(' ');
      return both('cri', { ...base, method, detail: m.summary.slice(method.length + 1) });
    }
    case 'cri-reply':
    case 'run': {
      const general =
        m.kind === 'cri-reply' ? 'criReply' : m.summary.startsWith('stop') ? 'runStop' : 'runStart';
      const words = both(general);
      return { label: words.label, sentence: runtimeSentence(m.summary, base) ?? words.sentence };
    }
    case 'traffic':
      return both(
        m.summary.startsWith('DNS answer')
          ? 'dnsAnswer'
          : m.summary.startsWith('DNS')
            ? 'dns'
            : m.summary.startsWith('DNAT')
              ? 'dnat'
              : 'connect',
      );
    case 'probe': {
      // `readiness GET http://10.244.0.5:80/`: the probe's type, then what it asks.
      const [type = '', ...target] = m.summary.split(' ');
      const verb = `probe${type.charAt(0).toUpperCase()}${type.slice(1)}`;
      return both(verb, { ...base, target: target.join(' ') });
    }
  }
}
