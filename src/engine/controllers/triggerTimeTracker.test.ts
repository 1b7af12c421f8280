import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { makePod, makeService } from '../testing/builders';
import { TriggerTimeTracker } from './triggerTimeTracker';

const service = { ...makeService('web', { app: 'web' }) };
service.metadata = { ...service.metadata, creationTimestamp: '2026-01-15T09:00:05Z' };

function readyAt(name: string, time?: string): Pod {
  const pod = makePod(name).build();
  if (time) pod.status.conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: time }];
  return pod;
}

describe('TriggerTimeTracker', () => {
  it("reports the Service's creation on its first sync, even when its pods were ready before", () => {
    expect(new TriggerTimeTracker().compute('default/web', service, [])).toBe('2026-01-15T09:00:05Z');
    expect(
      new TriggerTimeTracker().compute('default/web', service, [readyAt('a', '2026-01-15T09:00:02Z')]),
    ).toBe('2026-01-15T09:00:05Z');
  });

  it('reports the earliest trigger time that moved since the last sync, and none when none moved', () => {
    const t = new TriggerTimeTracker();
    t.compute('default/web', service, [readyAt('a', '2026-01-15T09:00:06Z'), readyAt('b')]);
    expect(t.compute('default/web', service, [readyAt('a', '2026-01-15T09:00:06Z'), readyAt('b')])).toBe('');
    const later = [
      readyAt('a', '2026-01-15T09:00:09Z'),
      readyAt('b', '2026-01-15T09:00:08Z'),
      readyAt('c', '2026-01-15T09:00:20Z'),
    ];
    expect(t.compute('default/web', service, later)).toBe('2026-01-15T09:00:08Z');
    // A pod gone moves nothing: the annotation is dropped.
    expect(t.compute('default/web', service, later.slice(0, 2))).toBe('');
  });

  it('starts over for a Service deleted and made again', () => {
    const t = new TriggerTimeTracker();
    t.compute('default/web', service, []);
    t.forget('default/web');
    expect(t.compute('default/web', service, [])).toBe('2026-01-15T09:00:05Z');
  });
});
