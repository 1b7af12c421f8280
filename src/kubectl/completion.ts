/** Tab completion: candidates for the word being typed (commands, subcommands, types, flags, object names). */
import type { Kind } from '../engine/api/types';
import { ADDONS } from './minikube/addons';
import { GLOBAL_FLAGS } from './commands/context';
import { VERBS } from './kubectl';
import { RESOURCE_TYPES, resourceType } from './resourceTypes';
import { tokenize } from './parse/tokenize';
import type { ClusterReader, ShellState } from './types';

const NODE_COMMANDS = [
  'clear',
  'crictl',
  'docker',
  'exit',
  'hostname',
  'logout',
  'ps',
  'sudo',
  'systemctl',
  'whoami',
];
const TYPE_WORDS = RESOURCE_TYPES.flatMap((r) => [r.name, ...r.shortNames]);
const NAMED_TYPES: Record<string, readonly string[]> = {
  get: TYPE_WORDS,
  describe: TYPE_WORDS,
  delete: TYPE_WORDS,
  scale: ['deployment', 'replicaset'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  expose: ['deployment', 'pod', 'replicaset', 'service'],
  label: TYPE_WORDS,
  annotate: TYPE_WORDS,
  top: ['nodes', 'pods'],
  config: ['current-context', 'get-clusters', 'get-contexts', 'use-context'],
  create: ['deployment', 'namespace'],
  explain: RESOURCE_TYPES.map((r) => r.name),
  taint: ['nodes'],
  set: ['image'],
  wait: TYPE_WORDS,
};
const WAIT_FOR = ['condition=Available', 'condition=Ready', 'delete', 'jsonpath='].map((c) => `--for=${c}`);
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);

function names(reader: ClusterReader, kind: Kind, namespace: string): string[] {
  return reader.list(kind, namespace).map((o) => o.metadata.name);
}

function kubectlCandidates(words: string[], current: string, reader: ClusterReader): string[] {
  const previous = words.at(-1);
  const nsIndex = words.findIndex((w) => w === '-n' || w === '--namespace');
  const namespace = nsIndex >= 0 ? (words[nsIndex + 1] ?? 'default') : 'default';
  if (previous === '-n' || previous === '--namespace')
    return reader.list('Namespace').map((n) => n.metadata.name);
  const positional = words.filter(
    (w, i) =>
      !w.startsWith('-') &&
      !(i > 0 && ['-n', '--namespace', '-o', '--output', '-l', '-f'].includes(words[i - 1]!)),
  );
  const verb = positional[0];
  if (previous === '-o' || previous === '--output')
    return verb === 'events'
      ? ['json', 'jsonpath=', 'jsonpath-as-json=', 'name', 'yaml']
      : ['custom-columns=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'name', 'wide', 'yaml'];
  if (!verb) return Object.keys(VERBS);
  const spec = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
  if (!spec) return [];
  if (verb === 'wait' && current.startsWith('--for=')) return WAIT_FOR;
  if (current.startsWith('-')) return Object.keys({ ...GLOBAL_FLAGS, ...spec.flags }).map((f) => `--${f}`);
  if (verb === 'logs' && (previous === '-l' || previous === '--selector'))
    return reader
      .list('Pod', namespace)
      .flatMap((p) => Object.entries(p.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`));
  const args = positional.slice(1);
  if (NODE_VERBS.has(verb)) return names(reader, 'Node', namespace);
  // `kubectl logs POD`, or a workload's TYPE/NAME (completed below once the `/` is typed).
  if (verb === 'logs' && !current.includes('/'))
    return previous === '-c' || previous === '--container'
      ? [...new Set(reader.list('Pod', namespace).flatMap((p) => p.spec.containers.map((c) => c.name)))]
      : [...names(reader, 'Pod', namespace), 'deployment/', 'replicaset/', 'daemonset/', 'service/'];
  if (verb === 'taint')
    return args.length === 0 ? ['nodes'] : args.length === 1 ? names(reader, 'Node', namespace) : [];
  if (verb === 'rollout') {
    if (args.length === 0) return ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
    const deployments = reader.list('Deployment', namespace).map((d) => `deployment/${d.metadata.name}`);
    // Only rollout status has a DaemonSet viewer here.
    return args[0] === 'status'
      ? [...deployments, ...reader.list('DaemonSet', namespace).map((d) => `daemonset/${d.metadata.name}`)]
      : deployments;
  }
  if (current.includes('/')) {
    const type = resourceType(current.slice(0, current.indexOf('/')));
    if (!type?.engineKind) return [];
    const prefix = current.slice(0, current.indexOf('/') + 1);
    return names(reader, type.engineKind, namespace).map((n) => prefix + n);
  }
  if (args.length === 0) return [...((Object.hasOwn(NAMED_TYPES, verb) && NAMED_TYPES[verb]) || [])];
  if (verb === 'create' || verb === 'explain' || verb === 'top' || verb === 'config') return [];
  const type = resourceType(args[0]!.split(',')[0]!);
  return type?.engineKind ? names(reader, type.engineKind, namespace) : [];
}

function minikubeCandidates(words: string[], reader: ClusterReader): string[] {
  const [sub, action] = words;
  if (!sub) return ['addons', 'dashboard', 'ip', 'node', 'ssh', 'status', 'version'];
  if (sub === 'node') {
    if (!action) return ['add', 'delete', 'list', 'start', 'stop'];
    return ['delete', 'start', 'stop'].includes(action) && words.length === 2 ? [...reader.machines] : [];
  }
  if (sub === 'addons') {
    if (!action) return ['disable', 'enable', 'list'];
    return (action === 'enable' || action === 'disable') && words.length === 2 ? ADDONS.map(([n]) => n) : [];
  }
  if (sub === 'ssh')
    return words.at(-1) === '-n' || words.at(-1) === '--node' ? [...reader.machines] : ['-n'];
  return [];
}

function nodeCandidates(words: string[]): string[] {
  const w = words[0] === 'sudo' ? words.slice(1) : words;
  if (!w.length) return NODE_COMMANDS;
  if (w[0] === 'docker' && w.length === 1) return ['ps'];
  if (w[0] === 'crictl' && w.length === 1) return ['pods', 'ps'];
  if (w[0] === 'ps' && w.length === 1) return ['-ef'];
  if (w[0] === 'systemctl') return w.length === 1 ? ['status'] : w.length === 2 ? ['kubelet'] : [];
  return [];
}

export function completions(line: string, reader: ClusterReader, shell: ShellState): string[] {
  if (line.length > 1_000) return [];
  const stages = tokenize(line).stages;
  const words = stages.at(-1)!;
  const endsWithSpace = /\s$/.test(line) || line === '';
  const current = endsWithSpace ? '' : (words.pop() ?? '');
  let candidates: string[];
  if (stages.length > 1) candidates = words.length === 0 ? ['grep'] : [];
  else if (shell.node !== null) candidates = nodeCandidates(words);
  else if (!words.length) candidates = ['clear', 'kubectl', 'minikube'];
  else if (words[0] === 'kubectl' || words[0] === 'k')
    candidates = kubectlCandidates(words.slice(1), current, reader);
  else if (words[0] === 'minikube') candidates = minikubeCandidates(words.slice(1), reader);
  else candidates = [];
  return [...new Set(candidates.filter((c) => c.startsWith(current)))].sort();
}
