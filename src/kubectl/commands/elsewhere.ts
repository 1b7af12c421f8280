/**
 * kubectl commands that reach beyond the objects this cluster simulates: `top` answers as a
 * minikube without the metrics-server addon does, `config` knows the one minikube context, and
 * the commands that need a container's process or a network stream say plainly that they are not
 * simulated rather than pretending kubectl does not know them.
 */
import { errorCommand, ok } from '../output';
import type { Verb } from './context';

/** minikube without `minikube addons enable metrics-server`: the Metrics API is not there. */
export const top: Verb = {
  flags: {
    containers: { type: 'bool' },
    selector: { type: 'string', short: 'l' },
    'all-namespaces': { type: 'bool', short: 'A' },
  },
  run({ args }) {
    const what = args.positional[0];
    if (
      what !== 'node' &&
      what !== 'nodes' &&
      what !== 'no' &&
      what !== 'pod' &&
      what !== 'pods' &&
      what !== 'po'
    )
      return errorCommand(
        what === undefined
          ? "error: You must specify a subcommand: node or pod\nSee 'kubectl top -h' for help and examples"
          : `error: unknown command "${what}" for "kubectl top"`,
      );
    return errorCommand('error: Metrics API not available');
  },
};

const CONTEXTS = [
  'CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE',
  '*         minikube   minikube   minikube   default',
].join('\n');

export const config: Verb = {
  flags: { output: { type: 'string', short: 'o' } },
  run({ args }) {
    switch (args.positional[0]) {
      case 'current-context':
        return { type: 'read', run: () => ok('minikube') };
      case 'get-contexts':
        return { type: 'read', run: () => ok(CONTEXTS) };
      case 'get-clusters':
        return { type: 'read', run: () => ok('NAME\nminikube') };
      case 'use-context':
        return args.positional[1] === 'minikube'
          ? { type: 'read', run: () => ok('Switched to context "minikube".') }
          : errorCommand(`error: no context exists with the name: "${args.positional[1] ?? ''}"`);
      case undefined:
        return errorCommand(
          'error: You must specify a subcommand: current-context, get-contexts, get-clusters or use-context',
        );
      default:
        return errorCommand(
          `error: kubectl config ${args.positional[0]}: this simulated cluster has one kubeconfig context, minikube (try current-context or get-contexts)`,
        );
    }
  },
};

/** Real kubectl commands this page does not run, and why. */
const ELSEWHERE: Record<string, string> = {
  attach: 'kubectl attach connects to a running process; the containers here are simulated and have none.',
  cp: 'kubectl cp copies files through a container; the containers here are simulated and have no files.',
  'port-forward':
    'kubectl port-forward opens a network stream to a pod; this page has no network to forward.',
  proxy: 'kubectl proxy serves the API on a local port; this page has no network port to open.',
  debug:
    'kubectl debug starts a debugging container and attaches to it; the containers here run no processes.',
  edit: 'kubectl edit opens the object in an editor; use Manifest… (or kubectl apply) to change it here.',
  patch:
    'kubectl patch is not simulated yet; change the object with kubectl apply, scale, set image, label or annotate.',
  replace: 'kubectl replace is not simulated yet; use kubectl apply.',
  auth: 'kubectl auth is not simulated; kubectl is minikube-user here, in the system:masters group, allowed everything.',
};

/** Why a real kubectl command is not run here, or undefined for a command kubectl does not have. */
export function notSimulated(name: string): string | undefined {
  const why = Object.hasOwn(ELSEWHERE, name) ? ELSEWHERE[name] : undefined;
  return why === undefined ? undefined : `error: ${why}`;
}
