/** `kubectl create -f`, `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND [ARGS…]]`, `kubectl create namespace NAME`. */
import type { Deployment, Namespace } from '../../engine/api/types';
import { createFromFile, FILE_FLAGS } from '../apply/apply';
import { MAX_REPLICAS } from '../limits';
import { errorCommand, fail, ok, qualify, serverError } from '../output';
import type { Command } from '../types';
import type { Verb, VerbContext } from './context';
import { badInt, replicasLimit } from './scale';

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  uid: '',
  resourceVersion: '',
  creationTimestamp: '',
  ...(labels ? { labels } : {}),
});

/** kubectl names the container after the image: its last path part, without tag or digest. */
export function containerName(image: string): string {
  const base = image.split('@')[0]!.split('/').pop()!.split(':')[0]!;
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 63) || 'container'
  );
}

function createDeployment(ctx: VerbContext, name: string | undefined, command: readonly string[]): Command {
  // `create -f` takes --record; the `create deployment` generator does not.
  if (ctx.args.flags.has('record'))
    return errorCommand("error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.");
  if (!name) return errorCommand('error: exactly one NAME is required, got 0');
  const image = ctx.args.flags.get('image');
  if (!image) return errorCommand('error: required flag(s) "image" not set');
  const replicasText = ctx.args.flags.get('replicas') ?? '1';
  if (!/^[-+]?\d+$/.test(replicasText)) return errorCommand(badInt(replicasText, 'replicas'));
  const replicas = Number(replicasText);
  if (replicas > MAX_REPLICAS) return errorCommand(replicasLimit(replicas));
  const portText = ctx.args.flags.get('port');
  if (portText !== undefined && !/^[-+]?\d+$/.test(portText)) return errorCommand(badInt(portText, 'port'));
  const labels = { app: name };
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, ctx.namespace, labels),
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: containerName(image),
              image,
              ...(command.length ? { command: [...command] } : {}),
              ...(portText !== undefined ? { ports: [{ containerPort: Number(portText) }] } : {}),
            },
          ],
        },
      },
    },
    status: {},
  };
  return {
    type: 'write',
    line: ctx.line,
    run(cluster, print) {
      // The generator wraps the server's refusal (create_deployment.go): an existing name is an
      // error, never replaced.
      cluster.create(d, (r) =>
        print(
          r.ok
            ? ok(`deployment.apps/${name} created`)
            : fail(`error: failed to create deployment: ${qualify(r.error.message)}`),
        ),
      );
    },
  };
}

function createNamespace(ctx: VerbContext, name: string | undefined): Command {
  if (!name) return errorCommand('error: exactly one NAME is required, got 0');
  const ns: Namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: meta(name, undefined, { 'kubernetes.io/metadata.name': name }),
    spec: {},
    status: { phase: 'Active' },
  };
  return {
    type: 'write',
    line: ctx.line,
    run(cluster, print) {
      cluster.create(ns, (r) => print(r.ok ? ok(`namespace/${name} created`) : fail(serverError(r.error))));
    },
  };
}

export const create: Verb = {
  flags: {
    ...FILE_FLAGS,
    image: { type: 'string' },
    replicas: { type: 'string', short: 'r' },
    port: { type: 'string' },
  },
  run(ctx) {
    if (ctx.args.flags.has('filename')) return createFromFile(ctx);
    // `create deployment NAME --image=IMAGE -- COMMAND [ARGS…]`: the words after -- are its command.
    const command = ctx.args.afterDash ?? [];
    const named = ctx.args.positional.slice(0, ctx.args.positional.length - command.length);
    const [what, name, ...extra] = named;
    if (extra.length) return errorCommand(`error: exactly one NAME is required, got ${extra.length + 1}`);
    if (command.length && what !== 'deployment' && what !== 'deploy')
      return errorCommand(`error: exactly one NAME is required, got ${command.length + 1}`);
    switch (what) {
      case 'deployment':
      case 'deploy':
        return createDeployment(ctx, name, command);
      case 'namespace':
      case 'ns':
        return createNamespace(ctx, name);
      case undefined:
        return errorCommand('error: must specify one of -f and -k');
      default:
        return errorCommand(`error: unknown command "${what}" for "kubectl create"`);
    }
  },
};
