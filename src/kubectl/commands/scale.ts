/** `kubectl scale deployment/NAME --replicas=N` (also `deployment NAME`, ReplicaSets). */
import { MAX_REPLICAS } from '../limits';
import { errorCommand, fail, ok, serverError } from '../output';
import { resolveTargets } from '../get/get';
import type { Command } from '../types';
import type { Verb } from './context';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG, RECORD_WARNING } from './record';

/** How often a scale is sent again after a resourceVersion conflict. */
const MAX_CONFLICT_RETRIES = 5;

export const replicasLimit = (asked: number) =>
  `error: this simulated cluster allows at most ${MAX_REPLICAS} replicas per Deployment or ReplicaSet (asked for ${asked})`;

/** pflag's message for a bad integer. */
export const badInt = (value: string, flag: string) =>
  `error: invalid argument "${value}" for "--${flag}" flag: strconv.ParseInt: parsing "${value}": ${
    /^[-+]?\d+$/.test(value) ? 'value out of range' : 'invalid syntax'
  }`;

export const scale: Verb = {
  flags: { replicas: { type: 'string' }, 'current-replicas': { type: 'string' }, ...RECORD_FLAG },
  run({ args, namespace, line }): Command {
    const text = args.flags.get('replicas');
    if (text === undefined) return errorCommand('error: required flag(s) "replicas" not set');
    if (!/^[-+]?\d+$/.test(text) || Math.abs(Number(text)) > 2 ** 63)
      return errorCommand(`${badInt(text, 'replicas')}\nSee 'kubectl scale --help' for usage.`);
    const replicas = Number(text);
    if (replicas < 0)
      return errorCommand(
        'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    if (replicas > MAX_REPLICAS) return errorCommand(replicasLimit(replicas));
    const targets = resolveTargets(args.positional, 'scale');
    if (typeof targets === 'string') return errorCommand(targets);
    if (!targets.names.length)
      return errorCommand('error: resource(s) were provided, but no name was specified');
    for (const t of targets.names)
      if (t.type.kind !== 'Deployment' && t.type.kind !== 'ReplicaSet')
        return errorCommand(`Error from server (NotFound): the server could not find the requested resource`);
    return {
      type: 'write',
      line,
      run(cluster, print) {
        const cause = changeCause('scale', args);
        if (cause) print(RECORD_WARNING);
        // kubectl scales through the /scale subresource, which a concurrent status write never
        // conflicts with; here the whole object is updated, so a 409 is met by reading it again.
        const attempt = (t: (typeof targets.names)[number], tries: number) =>
          cluster.scale(t.type.kind as 'Deployment' | 'ReplicaSet', namespace, t.name, replicas, (r) => {
            if (!r.ok && r.error.code === 409 && tries < MAX_CONFLICT_RETRIES) return attempt(t, tries + 1);
            print(r.ok ? ok(`${t.type.prefix}/${t.name} scaled`) : fail(serverError(r.error)));
            // --record: the cause goes on in a second PATCH once the scale is done.
            if (r.ok && cause)
              cluster.patch(t.type.kind as 'Deployment', namespace, t.name, {
                metadata: { annotations: { [CHANGE_CAUSE]: cause } },
              });
          });
        for (const t of targets.names) attempt(t, 0);
      },
    };
  },
};
