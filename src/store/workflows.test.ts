/**
 * Every built-in workflow, played headless on the real engine: each step must do what it promises
 * (its `until` holds) well before its time limit, and the texts exist in both languages.
 */
import { describe, expect, it } from 'vitest';
import { MAX_RUN } from '../playback/player';
import { Run } from '../playback/run';
import { scenarioConfig, scenarioSpec } from './scenarioScript';
import { WORKFLOWS } from '../scenarios';
import type { Scenario, Text } from '../scenarios/types';

function texts(scenario: Scenario): [string, Text][] {
  const found: [string, Text][] = [
    ['title', scenario.title],
    ['summary', scenario.summary],
  ];
  scenario.steps.forEach((s, i) => {
    found.push([`steps[${i}].title`, s.title], [`steps[${i}].narration`, s.narration]);
    if (s.predict) {
      found.push([`steps[${i}].predict.question`, s.predict.question]);
      found.push([`steps[${i}].predict.explain`, s.predict.explain]);
      if (s.predict.choices !== 'nodes')
        s.predict.choices.forEach((c, j) => found.push([`steps[${i}].predict.choices[${j}]`, c.label]));
    }
  });
  return found;
}

describe.each(WORKFLOWS.map((w) => [w.id, w] as const))('workflow %s', (id, entry) => {
  it('is listed under its own id and title', async () => {
    const scenario = await entry.load();
    expect(scenario.id).toBe(id);
    expect(scenario.title).toEqual(entry.title);
  });

  it('has every text in English and Chinese', async () => {
    const scenario = await entry.load();
    for (const [where, text] of texts(scenario)) {
      expect(text.en.trim(), `${where}.en`).not.toBe('');
      expect(text.zh.trim(), `${where}.zh`).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(text.zh), `${where}.zh is Chinese`).toBe(true);
    }
  });

  it('does what each step promises, on every runtime', async () => {
    const scenario = await entry.load();
    for (const runtime of ['docker', 'containerd', 'cri-o'] as const) {
      const run = new Run(scenarioSpec(scenario, scenarioConfig(scenario, runtime), 1));
      while (!run.scriptDone && run.recordedUntil < MAX_RUN) run.extendTo(run.recordedUntil + 10_000);
      expect(run.steps).toHaveLength(scenario.steps.length);
      run.steps.forEach((record, i) => {
        expect(
          record.timedOut,
          `${runtime}: step ${i + 1} "${scenario.steps[i]!.title.en}" timed out`,
        ).toBeFalsy();
      });
    }
  });
});
