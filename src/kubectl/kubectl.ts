/** `kubectl …`: global flags, the verb, its flags, and kubectl's errors for what it does not know. */
import { GLOBAL_FLAGS, type Verb } from './commands/context';
import { get } from './commands/getVerb';
import { scale } from './commands/scale';
import { describe } from './describe/describe';
import { apply } from './apply/apply';
import { create } from './commands/create';
import { run } from './commands/run';
import { deleteVerb } from './commands/delete';
import { cordon, drain, taint, uncordon } from './commands/nodes';
import { rollout } from './commands/rollout';
import { exec } from './commands/exec';
import { set } from './commands/set';
import { logs } from './commands/logs';
import { events } from './commands/events';
import { wait } from './commands/wait';
import { expose } from './commands/expose';
import { annotate, label } from './commands/labels';
import { config, notSimulated, top } from './commands/elsewhere';
import { apiResources, clusterInfo, explain, version } from './commands/info';
import type { Cluster } from '../engine/cluster';
import { errorCommand, fail, ok } from './output';
import { parseFlags } from './parse/flags';
import type { ClusterReader, Command, CommandInput, Output, ShellState } from './types';

export const VERBS: Record<string, Verb> = {
  get,
  describe,
  apply,
  create,
  run,
  delete: deleteVerb,
  scale,
  cordon,
  uncordon,
  drain,
  taint,
  rollout,
  set,
  logs,
  exec,
  events,
  wait,
  expose,
  label,
  annotate,
  top,
  config,
  'cluster-info': clusterInfo,
  version,
  'api-resources': apiResources,
  explain,
};

/** The verb is the first word that is neither a flag nor a global flag's value. */
function findVerb(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.startsWith('-')) return i;
    if ((w === '-n' || w === '--namespace' || w === '--context' || w === '--kubeconfig') && !w.includes('='))
      i++;
  }
  return -1;
}

export function kubectl(words: readonly string[], line: string, input: CommandInput | undefined): Command {
  const at = findVerb(words);
  // Bare `kubectl` prints its help to stdout and exits 0.
  if (at < 0) return { type: 'read', run: () => ok(USAGE) };
  const name = words[at]!;
  // Own properties only: `kubectl toString` is a typo, not Object.prototype.toString.
  const verb = Object.hasOwn(VERBS, name) ? VERBS[name] : undefined;
  if (!verb) {
    const why = notSimulated(name);
    return errorCommand(why ?? `error: unknown command "${name}" for "kubectl"`);
  }
  const rest = [...words.slice(0, at), ...words.slice(at + 1)];
  const parsed = parseFlags(rest, { ...GLOBAL_FLAGS, ...verb.flags });
  if (!parsed.ok) return errorCommand(`error: ${parsed.message}\nSee 'kubectl ${name} --help' for usage.`);
  const ns = parsed.args.flags.get('namespace');
  if (ns !== undefined && ns === '') return errorCommand('error: a namespace must be specified');
  const command = verb.run({
    args: parsed.args,
    namespace: ns ?? 'default',
    namespaceSet: ns !== undefined,
    line,
    input,
  });
  // `kubectl config` reads only the kubeconfig; everything else asks kube-apiserver.
  return name === 'config' || (name === 'version' && parsed.args.flags.has('client'))
    ? command
    : throughApiServer(command, readsEtcd(name, parsed.args.positional));
}

/** What kube-apiserver answers without reading etcd: its version, discovery, its OpenAPI, its own probes. */
const ETCD_FREE_VERBS = new Set(['version', 'api-resources', 'explain', 'config']);
const COMPONENT_STATUSES = new Set(['cs', 'componentstatus', 'componentstatuses']);

function readsEtcd(verb: string, positional: readonly string[]): boolean {
  if (ETCD_FREE_VERBS.has(verb)) return false;
  const resource = positional[0]?.toLowerCase().split('/')[0] ?? '';
  return !(verb === 'get' && COMPONENT_STATUSES.has(resource));
}

/**
 * What kubectl prints for a read while etcd is stopped: kube-apiserver serves a consistent read
 * only after etcd confirms its latest revision, and etcd does not answer.
 */
export const ETCD_READ_TIMEOUT = 'Error from server: etcdserver: request timed out';

/** What kubectl prints when nothing listens on the API server's address (minikube's kubeconfig). */
export const CONNECTION_REFUSED =
  'The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?';

/** A command that needs kube-apiserver fails at once, as kubectl's dial does, while it is stopped. */
function throughApiServer(command: Command, needsEtcd: boolean): Command {
  const etcdDown = (reader: ClusterReader) => needsEtcd && reader.processesDown?.has('etcd') === true;
  switch (command.type) {
    case 'read':
      return {
        ...command,
        run: (reader: ClusterReader, shell: ShellState) =>
          reader.apiServerDown
            ? fail(CONNECTION_REFUSED)
            : etcdDown(reader)
              ? fail(ETCD_READ_TIMEOUT)
              : command.run(reader, shell),
      };
    case 'write':
      return {
        ...command,
        run: (cluster: Cluster, print: (output: Output) => void) =>
          apiServerDown(cluster) ? print(fail(CONNECTION_REFUSED)) : command.run(cluster, print),
      };
    case 'watch': {
      let refused = false;
      return {
        first(reader) {
          refused = reader.apiServerDown === true || etcdDown(reader);
          if (!refused) return command.first(reader);
          return fail(reader.apiServerDown ? CONNECTION_REFUSED : ETCD_READ_TIMEOUT);
        },
        type: 'watch',
        next: (reader) => (refused ? null : command.next(reader)),
        ended: () => refused || (command.ended?.() ?? false),
      };
    }
    default:
      return command;
  }
}

/** kube-apiserver's manifest is out of /etc/kubernetes/manifests, or its process has ended. */
export function apiServerDown(cluster: Cluster): boolean {
  return cluster.manifestPlaces.has('kube-apiserver') || !cluster.isUp('kube-apiserver');
}

/** What a bare `kubectl` prints (v1.34's command groups). */
const USAGE = [
  'kubectl controls the Kubernetes cluster manager.',
  '',
  ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
  '',
  'Basic Commands (Beginner):',
  '  create          Create a resource from a file or from stdin',
  '  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  '  run             Run a particular image on the cluster',
  '  set             Set specific features on objects',
  '',
  'Basic Commands (Intermediate):',
  '  explain         Get documentation for a resource',
  '  get             Display one or many resources',
  '  edit            Edit a resource on the server',
  '  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector',
  '',
  'Deploy Commands:',
  '  rollout         Manage the rollout of a resource',
  '  scale           Set a new size for a deployment, replica set, or replication controller',
  '  autoscale       Auto-scale a deployment, replica set, stateful set, or replication controller',
  '',
  'Cluster Management Commands:',
  '  certificate     Modify certificate resources',
  '  cluster-info    Display cluster information',
  '  top             Display resource (CPU/memory) usage',
  '  cordon          Mark node as unschedulable',
  '  uncordon        Mark node as schedulable',
  '  drain           Drain node in preparation for maintenance',
  '  taint           Update the taints on one or more nodes',
  '',
  'Troubleshooting and Debugging Commands:',
  '  describe        Show details of a specific resource or group of resources',
  '  logs            Print the logs for a container in a pod',
  '  attach          Attach to a running container',
  '  exec            Execute a command in a container',
  '  port-forward    Forward one or more local ports to a pod',
  '  proxy           Run a proxy to the Kubernetes API server',
  '  cp              Copy files and directories to and from containers',
  '  auth            Inspect authorization',
  '  debug           Create debugging sessions for troubleshooting workloads and nodes',
  '  events          List events',
  '',
  'Advanced Commands:',
  '  diff            Diff the live version against a would-be applied version',
  '  apply           Apply a configuration to a resource by file name or stdin',
  '  patch           Update fields of a resource',
  '  replace         Replace a resource by file name or stdin',
  '  wait            Experimental: Wait for a specific condition on one or many resources',
  '  kustomize       Build a kustomization target from a directory or URL',
  '',
  'Settings Commands:',
  '  label           Update the labels on a resource',
  '  annotate        Update the annotations on a resource',
  '  completion      Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
  '',
  'Subcommands provided by plugins:',
  '',
  'Other Commands:',
  '  api-resources   Print the supported API resources on the server',
  '  api-versions    Print the supported API versions on the server, in the form of "group/version"',
  '  config          Modify kubeconfig files',
  '  plugin          Provides utilities for interacting with plugins',
  '  version         Print the client and server version information',
  '',
  'Usage:',
  '  kubectl [flags] [options]',
  '',
  'Use "kubectl <command> --help" for more information about a given command.',
  'Use "kubectl options" for a list of global command-line options (applies to all commands).',
].join('\n');
