/** Every name a built-in workflow points at (focus, inspect) is something the diagram has. */
import { describe, expect, it } from 'vitest';
import { buildTopology } from '../engine/topology';
import { WORKFLOWS } from '../scenarios';
import { resolveFocus } from './guide';
import { scenarioConfig } from './scenarioScript';

describe.each(WORKFLOWS.map((w) => [w.id, w] as const))('workflow %s', (_id, entry) => {
  it('points only at components and nodes the cluster has', async () => {
    const scenario = await entry.load();
    for (const runtime of ['docker', 'containerd', 'cri-o'] as const) {
      const topology = buildTopology(scenarioConfig(scenario, runtime));
      scenario.steps.forEach((step, i) => {
        for (const name of [...(step.focus ?? []), ...(step.inspect ? [step.inspect] : [])])
          expect(resolveFocus([name], topology).size, `${runtime}: steps[${i}] "${name}"`).toBeGreaterThan(0);
      });
    }
  });
});
