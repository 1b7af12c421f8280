/** The shell inside a node after `minikube ssh`: docker, crictl, ps, hostname, systemctl, exit; bash's error for the rest. */
import { errorCommand, fail, ok } from '../output';
import type { Command, ShellState } from '../types';
import { crictlPods, crictlPs } from './crictl';
import { dockerPs } from './docker';
import { psEf } from './ps';
import { iptables } from './iptables';
import { systemdSince } from './systemdTime';
import { RUN_EPOCH_MS } from '../../engine/core/time';
import { absolute, afterMove, filesIn, moveManifest, mvWords } from './manifests';

const SOCKETS = {
  docker: 'unix:///var/run/cri-dockerd.sock',
  containerd: 'unix:///run/containerd/containerd.sock',
  'cri-o': 'unix:///var/run/crio/crio.sock',
} as const;

/** What the node shell runs, for the message about a real command it does not simulate. */
const SIMULATED =
  'docker ps, crictl ps, crictl pods, ps, ls, mv, hostname, whoami, systemctl status kubelet, exit';

/** A command a real node has but this shell does not simulate: said plainly rather than faked as unknown. */
const notSimulated = (command: string) =>
  errorCommand(`${command}: not simulated in this node shell (it runs ${SIMULATED})`);

/** docker's and crictl's real subcommands (other words get their tools' own "unknown" errors). */
const DOCKER_COMMANDS = new Set([
  'images',
  'image',
  'inspect',
  'logs',
  'exec',
  'info',
  'version',
  'stats',
  'top',
  'run',
  'rm',
  'rmi',
  'stop',
  'start',
  'restart',
  'kill',
  'pull',
  'push',
  'network',
  'volume',
  'container',
  'system',
  'events',
  'cp',
  'port',
  'pause',
  'unpause',
  'create',
  'attach',
  'diff',
  'history',
  'save',
  'load',
  'tag',
]);
const CRICTL_COMMANDS = new Set([
  'images',
  'img',
  'inspect',
  'inspecti',
  'inspectp',
  'logs',
  'exec',
  'info',
  'version',
  'stats',
  'statsp',
  'pull',
  'rm',
  'rmi',
  'rmp',
  'stop',
  'stopp',
  'start',
  'create',
  'run',
  'runp',
  'port-forward',
  'attach',
  'imagefsinfo',
  'config',
  'events',
  'update',
  'checkpoint',
  'metricdescs',
  'metricsp',
]);
/** Programs a minikube node has that this shell does not simulate. */
const NODE_PROGRAMS = new Set([
  'journalctl',
  'cat',
  'less',
  'tail',
  'head',
  'grep',
  'top',
  'free',
  'df',
  'du',
  'ip',
  'ifconfig',
  'ss',
  'netstat',
  'curl',
  'wget',
  'ping',
  'mount',
  'uname',
  'uptime',
  'find',
  'iptables',
  'env',
  'echo',
  'kill',
  'pgrep',
  'pidof',
  'date',
  'id',
  'lsblk',
  'nslookup',
  'dig',
  'ctr',
  'runc',
  'kubeadm',
]);

function docker(args: readonly string[], node: string): Command {
  const [sub, ...rest] = args;
  if (sub !== undefined && DOCKER_COMMANDS.has(sub)) return notSimulated(`docker ${sub}`);
  if (sub !== 'ps')
    return errorCommand(
      sub
        ? `docker: unknown command: docker ${sub}\n\nRun 'docker --help' for more information`
        : 'Usage:  docker [OPTIONS] COMMAND',
    );
  const all = rest.includes('-a') || rest.includes('--all');
  return {
    type: 'read',
    run: (reader) =>
      reader.runtime === 'docker'
        ? ok(dockerPs(reader, node, all))
        : fail(
            'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          ),
  };
}

function crictl(args: readonly string[], node: string, sudo: boolean): Command {
  const [sub, ...rest] = args;
  if (sub !== undefined && CRICTL_COMMANDS.has(sub)) return notSimulated(`crictl ${sub}`);
  if (sub !== 'ps' && sub !== 'pods')
    return errorCommand(sub ? `No help topic for '${sub}'` : 'NAME:\n   crictl - client for CRI');
  const all = rest.includes('-a') || rest.includes('--all');
  return {
    type: 'read',
    run(reader) {
      if (!sudo)
        return fail(
          `FATA[0000] validate service connection: validate CRI v1 runtime API for endpoint "${SOCKETS[reader.runtime]}": rpc error: code = Unavailable desc = connection error: desc = "transport: Error while dialing: dial unix ${SOCKETS[reader.runtime].slice(7)}: connect: permission denied"`,
        );
      return ok(sub === 'ps' ? crictlPs(reader, node, all) : crictlPods(reader, node));
    },
  };
}

/** `ls [DIR]`: the manifests, and wherever one was moved to. */
function ls(args: readonly string[], node: string): Command {
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length > 1) return errorCommand('this node shell lists one directory at a time');
  const path = paths[0] ?? '~';
  return {
    type: 'read',
    run(reader) {
      const files = filesIn(absolute(path), node === reader.machines[0], reader.manifestPlaces ?? new Map());
      return files ? ok(files.join('  ')) : fail(`ls: cannot access '${path}': No such file or directory`);
    },
  };
}

/** `sudo mv FROM TO`: moving a control-plane manifest out of /etc/kubernetes/manifests or back. */
function mv(words: readonly string[], node: string, line: string): Command {
  const move = mvWords(words);
  if (!move)
    return errorCommand(
      'this node shell moves one file at a time: sudo mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/',
    );
  return {
    type: 'write',
    line,
    run(cluster, print) {
      const onControlPlane = node === cluster.nodes[0]?.name;
      const result = moveManifest(move.from, move.to, move.sudo, onControlPlane, cluster.manifestPlaces);
      if (!result.ok) return print(fail(result.message));
      const places = afterMove(cluster.manifestPlaces, result);
      cluster.manifestPlaces.clear();
      for (const [c, place] of places) cluster.manifestPlaces.set(c, place);
      cluster.moveManifest(result.component, result.into);
      print(ok(''));
    },
  };
}

/** `sudo systemctl stop|start|restart kubelet`. */
function systemctlKubelet(
  verb: 'stop' | 'start' | 'restart',
  unit: string,
  node: string,
  sudo: boolean,
  line: string,
): Command {
  if (unit !== 'kubelet')
    return errorCommand(`Failed to ${verb} ${unit}.service: Unit ${unit}.service not found.`);
  if (!sudo)
    return errorCommand(
      `Failed to ${verb} kubelet.service: Interactive authentication required.\nSee system logs and 'systemctl status kubelet.service' for details.`,
    );
  return {
    type: 'write',
    line,
    run(cluster, print) {
      if (verb !== 'start') cluster.stopKubelet(node);
      if (verb !== 'stop') cluster.startKubelet(node);
      print(ok(''));
    },
  };
}

export function nodeCommand(
  words: readonly string[],
  shell: ShellState & { node: string },
  line = words.join(' '),
): Command {
  const sudo = words[0] === 'sudo';
  const [program, ...args] = sudo ? words.slice(1) : words;
  const node = shell.node;
  switch (program) {
    case undefined:
      return errorCommand('usage: sudo -h | -K | -k | -V');
    case 'exit':
    case 'logout':
      return { type: 'terminal', effect: { kind: 'exit' }, output: ok('logout') };
    case 'clear':
      return { type: 'terminal', effect: { kind: 'clear' } };
    case 'hostname':
      return { type: 'read', run: () => ok(node) };
    case 'whoami':
      return { type: 'read', run: () => ok(sudo ? 'root' : 'docker') };
    case 'docker':
      return docker(args, node);
    case 'crictl':
      return crictl(args, node, sudo);
    case 'iptables':
      return iptables(args, sudo);
    case 'ls':
      return ls(args, node);
    case 'mv':
      return mv(words, node, line);
    case 'ps':
      if (args.join(' ') !== '-ef' && args.join(' ') !== 'aux' && args.join(' ') !== '-e -f')
        return errorCommand('this node shell supports `ps -ef`');
      return { type: 'read', run: (reader) => ok(psEf(reader, node)) };
    case 'systemctl':
      if ((args[0] === 'stop' || args[0] === 'start' || args[0] === 'restart') && args[1])
        return systemctlKubelet(args[0], args[1].replace(/\.service$/, ''), node, sudo, line);
      if (args[0] !== 'status' || !args[1])
        return errorCommand('this node shell supports `systemctl status|stop|start|restart kubelet`');
      return {
        type: 'read',
        run(reader) {
          const unit = args[1]!.replace(/\.service$/, '');
          if (unit !== 'kubelet') return fail(`Unit ${unit}.service could not be found.`);
          // Where the run knows which kubelets are stopped, that decides; else the Node's Ready condition.
          const ready = reader
            .get('Node', undefined, node)
            ?.status.conditions.find((c) => c.type === 'Ready');
          const running = reader.kubeletsDown ? !reader.kubeletsDown.has(node) : ready?.status === 'True';
          // Since its last start or stop; else since the node joined (kubelet registered it then).
          const joined = reader.get('Node', undefined, node)?.metadata.creationTimestamp;
          const since =
            reader.kubeletsSince?.get(node) ?? (joined ? Date.parse(joined) - RUN_EPOCH_MS : undefined);
          const when = since === undefined ? '' : ` ${systemdSince(since, reader.now)}`;
          const command = `/var/lib/minikube/binaries/v1.34.0/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --config=/var/lib/kubelet/config.yaml --hostname-override=${node} --kubeconfig=/etc/kubernetes/kubelet.conf`;
          const head = [
            `${running ? '●' : '○'} kubelet.service - kubelet: The Kubernetes Node Agent`,
            '     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled; preset: enabled)',
            '    Drop-In: /etc/systemd/system/kubelet.service.d',
            '             └─10-kubeadm.conf',
            `     Active: ${running ? 'active (running)' : 'inactive (dead)'}${when}`,
            '       Docs: http://kubernetes.io/docs/',
          ];
          // A stopped unit has no process left: systemd shows how the last one ended.
          const tail = running
            ? [
                '   Main PID: 1043 (kubelet)',
                '     CGroup: /system.slice/kubelet.service',
                `             └─1043 ${command}`,
              ]
            : [
                `    Process: 1043 ExecStart=${command} (code=exited, status=0/SUCCESS)`,
                '   Main PID: 1043 (code=exited, status=0/SUCCESS)',
              ];
          return ok([...head, ...tail].join('\n'));
        },
      };
    case 'kubectl':
      return errorCommand('-bash: kubectl: command not found');
    default:
      return NODE_PROGRAMS.has(program)
        ? notSimulated(program)
        : errorCommand(`-bash: ${program}: command not found`);
  }
}
