/**
 * `kubectl rollout history deployment/NAME [--revision=N]`: kubectl's DeploymentHistoryViewer, the
 * revisions the Deployment's ReplicaSets carry, or one revision's pod template.
 */
import type { Deployment, ReplicaSet } from '../../engine/api/types';
import { REVISION } from '../../engine/controllers/deploymentController';
import { podTemplateLines } from '../describe/podTemplate';
import { tabwrite } from '../format/tabwriter';
import { fail, ok } from '../output';
import type { ClusterReader, Command } from '../types';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** The Deployment's ReplicaSets by revision, oldest first. */
export function revisions(
  reader: Pick<ClusterReader, 'list'>,
  d: Deployment,
): { revision: number; rs: ReplicaSet }[] {
  return reader
    .list('ReplicaSet', d.metadata.namespace)
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid))
    .map((rs) => ({ revision: Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0, rs }))
    .filter((r) => r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

/** A revision's change-cause: the ReplicaSet's annotation, else its template's (ViewHistory copies the one onto the other). */
const changeCause = (rs: ReplicaSet) =>
  rs.metadata.annotations?.[CHANGE_CAUSE] || rs.spec.template.metadata.annotations?.[CHANGE_CAUSE] || '';

/** Raw tabs as a terminal shows them: each moves on to the next multiple of 8 columns. */
export function expandTabs(line: string): string {
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(8 - (out.length % 8)) : c;
  return out;
}

/**
 * One revision's template as kubectl prints it: the ReplicaSet's template (pod-template-hash
 * label and all) with the ReplicaSet's change-cause added to its annotations. kubectl writes it
 * through a plain PrefixWriter, not a tabwriter, so the cells are parted by raw tabs.
 */
function revisionTemplate(rs: ReplicaSet): string {
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  const template = cause
    ? {
        ...rs.spec.template,
        metadata: {
          ...rs.spec.template.metadata,
          annotations: { ...rs.spec.template.metadata.annotations, [CHANGE_CAUSE]: cause },
        },
      }
    : rs.spec.template;
  return podTemplateLines(template).map(expandTabs).join('\n');
}

export function rolloutHistory(name: string, namespace: string, revision: number): Command {
  return {
    type: 'read',
    run(reader) {
      const d = reader.get('Deployment', namespace, name);
      if (!d) return fail(`Error from server (NotFound): deployments.apps "${name}" not found`);
      const all = revisions(reader, d);
      if (!all.length) return ok(`deployment.apps/${name} \nNo rollout history found.`);
      if (revision > 0) {
        const found = all.find((r) => r.revision === revision);
        if (!found) return fail('error: unable to find the specified revision');
        return ok(`deployment.apps/${name} with revision #${revision}\n${revisionTemplate(found.rs)}\n`);
      }
      // kubectl's tabbedString: tabwriter(minwidth 0, tabwidth 8, padding 2).
      const rows = all.map(({ revision: r, rs }) => `${r}\t${changeCause(rs) || '<none>'}`);
      return ok(
        `deployment.apps/${name} \n${tabwrite(['REVISION\tCHANGE-CAUSE', ...rows].join('\n'), 0, 2)}\n`,
      );
    },
  };
}
