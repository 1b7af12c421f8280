/** `minikube …`: node, addons, dashboard, ssh, status; cobra's errors for the rest. */
import { errorCommand, ok } from '../output';
import { parseFlags } from '../parse/flags';
import type { Command } from '../types';
import { addons } from './addons';
import { machineName, node, status } from './nodes';

const DASHBOARD = [
  '🤔  Verifying dashboard health ...',
  '🚀  Launching proxy ...',
  '🤔  Verifying proxy health ...',
  '🎉  Opening http://127.0.0.1:36963/api/v1/namespaces/kubernetes-dashboard/services/http:kubernetes-dashboard:/proxy/ in your default browser...',
].join('\n');

function ssh(words: readonly string[]): Command {
  const parsed = parseFlags(words, { node: { type: 'string', short: 'n' }, 'native-ssh': { type: 'bool' } });
  if (!parsed.ok) return errorCommand(`Error: ${parsed.message}`);
  if (parsed.args.positional.length)
    return errorCommand(
      '❌  Exiting due to MK_USAGE: this terminal opens an interactive shell; run commands after `minikube ssh`',
    );
  const name = machineName(parsed.args.flags.get('node') ?? 'minikube');
  return {
    type: 'terminal',
    effect: { kind: 'enter', node: name },
    check(reader) {
      if (!reader.machines.includes(name))
        return {
          text: `❌  Exiting due to GUEST_NODE_RETRIEVE: retrieving node: Could not find node ${name}`,
          error: true,
        };
      const ready = reader.get('Node', undefined, name)?.status.conditions.find((c) => c.type === 'Ready');
      if (ready?.status === 'Unknown')
        return { text: `❌  Exiting due to GUEST_STATUS: state: "${name}" is not running`, error: true };
      return null;
    },
  };
}

export function minikube(words: readonly string[], line: string): Command {
  const [sub, ...rest] = words;
  switch (sub) {
    case 'node':
      return node(rest, line);
    case 'addons':
      return addons(rest, line);
    case 'status':
      return status();
    case 'ssh':
      return ssh(rest);
    case 'dashboard':
      return {
        type: 'terminal',
        effect: { kind: 'dashboard' },
        output: ok(DASHBOARD),
        check: (reader) =>
          reader.addons.get('dashboard')
            ? null
            : {
                text: "❌  Exiting due to MK_ADDON: the dashboard addon is not enabled: run 'minikube addons enable dashboard'",
                error: true,
              },
      };
    case 'version':
      return {
        type: 'read',
        run: () => ok('minikube version: v1.37.0\ncommit: 65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3'),
      };
    case 'ip':
      return {
        type: 'read',
        run: (reader) =>
          ok(reader.get('Node', undefined, 'minikube')?.status.addresses[0]?.address ?? '192.168.49.2'),
      };
    case undefined:
      return errorCommand(
        'minikube provisions and manages local Kubernetes clusters optimized for development workflows.',
      );
    default:
      return errorCommand(`Error: unknown command "${sub}" for "minikube"\nRun 'minikube --help' for usage.`);
  }
}
