/** `kubectl set image deployment/NAME CONTAINER=IMAGE…`: a new template, so the Deployment rolls out. */
import { resolveTargets } from '../get/get';
import { errorCommand, fail, ok, serverError } from '../output';
import type { Command } from '../types';
import type { Verb } from './context';
import { CHANGE_CAUSE, changeCause, RECORD_FLAG, RECORD_WARNING } from './record';

export const set: Verb = {
  flags: { all: { type: 'bool' }, ...RECORD_FLAG },
  run({ args, namespace, line }): Command {
    const [what, ...rest] = args.positional;
    if (what !== 'image')
      return errorCommand(
        what
          ? `error: unknown command "${what}" for "kubectl set"`
          : "error: Required resource not specified.\nSee 'kubectl set -h' for help and examples",
      );
    const pairs = rest.filter((w) => w.includes('='));
    const targets = resolveTargets(
      rest.filter((w) => !w.includes('=')),
      'set',
    );
    if (typeof targets === 'string') return errorCommand(targets);
    const target = targets.names[0];
    if (!target || !pairs.length) return errorCommand('error: at least one image update is required');
    if (target.type.kind !== 'Deployment')
      return errorCommand(`error: this simulated cluster sets images on deployments only`);
    const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
    const cause = changeCause('set image', args, rest);
    return {
      type: 'write',
      line,
      run(cluster, print) {
        if (cause) print(RECORD_WARNING);
        const d = cluster.get('Deployment', namespace, target.name);
        if (!d)
          return print(fail(`Error from server (NotFound): deployments.apps "${target.name}" not found`));
        const names = d.spec.template.spec.containers.map((c) => c.name);
        for (const name of images.keys())
          if (name !== '*' && !names.includes(name))
            return print(fail(`error: unable to find container named "${name}"`));
        const containers = d.spec.template.spec.containers.map((c) => {
          const image = images.get(c.name) ?? images.get('*');
          return image ? { ...c, image } : c;
        });
        // A PATCH with no resourceVersion, as kubectl sends it: the controller writing the
        // Deployment's status meanwhile is no conflict. (kubectl's strategic patch merges the
        // containers by name; this merge patch sends them all, which comes to the same.)
        cluster.patch(
          'Deployment',
          namespace,
          target.name,
          {
            ...(cause ? { metadata: { annotations: { [CHANGE_CAUSE]: cause } } } : {}),
            spec: { template: { spec: { containers } } },
          },
          (r) =>
            print(r.ok ? ok(`deployment.apps/${target.name} image updated`) : fail(serverError(r.error))),
        );
      },
    };
  },
};
