/**
 * Free play: the cluster with no script. The nodes boot and join, then kubectl creates a small
 * Deployment so there is something to watch being scheduled and started.
 */
import type { Deployment } from '../engine/api/types';
import { settledAt, type ClusterConfig } from '../engine/clusterConfig';
import type { RunSpec } from '../playback/run';

export const DEFAULT_PODS = 3;
export const MAX_PODS = 100;
export const DEFAULT_SEED = 1;

export function demoDeployment(replicas: number): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      uid: '',
      resourceVersion: '',
      creationTimestamp: '',
      labels: { app: 'web' },
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx:1.27',
              ports: [{ containerPort: 80 }],
              resources: { requests: { cpu: '100m', memory: '64Mi' } },
            },
          ],
        },
      },
    },
    status: {},
  };
}

export function freePlaySpec(config: ClusterConfig, seed: number, pods: number): RunSpec {
  return {
    config,
    seed,
    // The page opens on a running cluster; a second later kubectl creates the Deployment. A create,
    // not an apply: a learner who made their own `web` before then keeps it as they made it.
    startAt: settledAt(config.nodeCount),
    actions:
      pods > 0
        ? [{ at: settledAt(config.nodeCount) + 1_000, run: (c) => c.create(demoDeployment(pods)) }]
        : [],
  };
}
