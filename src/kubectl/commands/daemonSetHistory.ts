/**
 * `kubectl rollout history daemonset/NAME [--revision=N]` and `rollout undo daemonset/NAME
 * [--to-revision=N]`: kubectl's DaemonSetHistoryViewer and DaemonSetRollbacker, reading the
 * ControllerRevisions the DaemonSet controller keeps.
 */
import { createMergePatch } from '../../engine/api/mergePatch';
import type { ControllerRevision, DaemonSet } from '../../engine/api/types';
import type { Cluster } from '../../engine/cluster';
import { podTemplateLines } from '../describe/podTemplate';
import { tabwrite } from '../format/tabwriter';
import { fail, ok, serverError } from '../output';
import type { ClusterReader, Command } from '../types';
import { expandTabs } from './rolloutHistory';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The DaemonSet's ControllerRevisions, by revision. */
function history(reader: Pick<ClusterReader, 'list'>, ds: DaemonSet): ControllerRevision[] {
  return reader
    .list('ControllerRevision', ds.metadata.namespace)
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.controller && o.uid === ds.metadata.uid))
    .sort((a, b) => a.revision - b.revision);
}

/** The template a revision holds (its patch replaces the DaemonSet's). */
function templateOf(r: ControllerRevision): DaemonSet['spec']['template'] {
  const template: Partial<typeof r.data.spec.template> = { ...r.data.spec.template };
  delete template.$patch;
  return template as DaemonSet['spec']['template'];
}

export function daemonSetHistory(name: string, namespace: string, revision: number): Command {
  return {
    type: 'read',
    run(reader) {
      const ds = reader.get('DaemonSet', namespace, name);
      if (!ds) return fail(`Error from server (NotFound): daemonsets.apps "${name}" not found`);
      const all = history(reader, ds);
      if (!all.length) return ok(`daemonset.apps/${name} \nNo rollout history found.`);
      if (revision > 0) {
        const found = all.find((r) => r.revision === revision);
        if (!found) return fail('error: unable to find the specified revision');
        const lines = podTemplateLines(templateOf(found)).map(expandTabs).join('\n');
        return ok(`daemonset.apps/${name} with revision #${revision}\n${lines}\n`);
      }
      const rows = all.map((r) => `${r.revision}\t${r.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}`);
      return ok(
        `daemonset.apps/${name} \n${tabwrite(['REVISION\tCHANGE-CAUSE', ...rows].join('\n'), 0, 2)}\n`,
      );
    },
  };
}

export function daemonSetUndo(name: string, namespace: string, line: string, to: number): Command {
  return {
    type: 'write',
    line,
    run(cluster: Cluster, print) {
      const ds = cluster.get('DaemonSet', namespace, name);
      if (!ds) return print(fail(`Error from server (NotFound): daemonsets.apps "${name}" not found`));
      const all = history(cluster, ds);
      if (to === 0 && all.length <= 1) return print(fail('error: no last revision to roll back to'));
      const target = to === 0 ? all[all.length - 2] : all.find((r) => r.revision === to);
      if (!target) return print(fail(`error: unable to find specified revision ${to} in history`));
      const template = templateOf(target);
      if (JSON.stringify(template) === JSON.stringify(ds.spec.template))
        return print(
          ok(`daemonset.apps/${name} skipped rollback (current template already matches revision ${to})`),
        );
      // kubectl sends the revision's own patch, which replaces the template whole.
      cluster.patch(
        'DaemonSet',
        namespace,
        name,
        { spec: { template: createMergePatch(ds.spec.template, template) } },
        (r) => print(r.ok ? ok(`daemonset.apps/${name} rolled back`) : fail(serverError(r.error))),
      );
    },
  };
}
