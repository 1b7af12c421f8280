/**
 * `kubectl run NAME --image=IMAGE [--labels=K=V,…] [--port=P] [--restart=Always|OnFailure|Never]
 * [-- ARG…]`: one bare Pod, labelled `run=NAME`, its container named NAME. What follows `--` is the
 * container's args (its command with `--command`). Attaching (-i, -t, --attach, --rm) needs the
 * container's process, which the simulated containers do not have.
 */
import type { Container, Pod } from '../../engine/api/types';
import { errorCommand, fail, ok, serverError } from '../output';
import type { Verb } from './context';
import { badInt } from './scale';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
type RestartPolicy = (typeof RESTART_POLICIES)[number];

/** `k=v,k2=v2` → labels; null when a pair is not `key=value`. */
function parseLabels(text: string): Record<string, string> | null {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return null;
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}

export const run: Verb = {
  flags: {
    image: { type: 'string' },
    labels: { type: 'string', short: 'l' },
    port: { type: 'string' },
    restart: { type: 'string' },
    command: { type: 'bool' },
    stdin: { type: 'bool', short: 'i' },
    tty: { type: 'bool', short: 't' },
    attach: { type: 'bool' },
    rm: { type: 'bool' },
  },
  run(ctx) {
    const { flags, positional } = ctx.args;
    const [name, ...words] = positional;
    if (!name) return errorCommand('error: NAME is required for run');
    if (['stdin', 'tty', 'attach', 'rm'].some((f) => flags.get(f) === 'true'))
      return errorCommand(
        `error: kubectl run -i, -t, --attach and --rm attach to the container's process; the containers here are simulated and run none. Run it without them, then: kubectl logs ${name}`,
      );
    const image = flags.get('image');
    if (!image) return errorCommand('error: required flag(s) "image" not set');
    const restart = flags.get('restart') ?? 'Always';
    if (!(RESTART_POLICIES as readonly string[]).includes(restart))
      return errorCommand(`error: invalid restart policy: ${restart}`);
    const portText = flags.get('port');
    if (portText !== undefined && !/^[-+]?\d+$/.test(portText)) return errorCommand(badInt(portText, 'port'));
    const labelText = flags.get('labels');
    const labels = labelText === undefined ? { run: name } : parseLabels(labelText);
    if (!labels) return errorCommand(`error: invalid label spec: ${labelText}`);
    const container: Container = {
      name,
      image,
      ...(words.length ? (flags.get('command') === 'true' ? { command: words } : { args: words }) : {}),
      ...(portText !== undefined ? { ports: [{ containerPort: Number(portText) }] } : {}),
    };
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ctx.namespace,
        uid: '',
        resourceVersion: '',
        creationTimestamp: '',
        labels,
      },
      spec: { containers: [container], restartPolicy: restart as RestartPolicy },
      status: { phase: 'Pending' },
    };
    return {
      type: 'write',
      line: ctx.line,
      run(cluster, print) {
        cluster.create(pod, (r) => print(r.ok ? ok(`pod/${name} created`) : fail(serverError(r.error))));
      },
    };
  },
};
