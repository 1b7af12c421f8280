import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../i18n/messages';
import { makeDeployment, makePod } from '../../engine/testing/builders';
import { TestCluster } from '../../engine/testing/testCluster';
import { describeMessage } from './messageText';

/** The catalog text at a dotted key, or undefined. */
function textAt(catalog: unknown, key: string): string | undefined {
  const found = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalog);
  return typeof found === 'string' ? found : undefined;
}

describe('the runtime’s lines in words', () => {
  it('give every CRI reply, container run and probe of a real run a sentence of its own, in both languages', () => {
    const exits = makePod('once').build();
    exits.spec.containers = exits.spec.containers.map((c) => ({
      ...c,
      image: 'busybox',
      command: ['sh', '-c', 'echo hi'],
    }));
    exits.spec.restartPolicy = 'Never';
    const probed = makePod('probed')
      .probe('liveness', { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 })
      .probe('readiness', { httpGet: { path: '/', port: 80 } })
      .probe('startup', { tcpSocket: { port: 80 } })
      .build();
    const slow = makePod('slow')
      .probe('readiness', { exec: { command: ['sleep', '3'] }, timeoutSeconds: 2 })
      .build();
    const t = TestCluster.ready({ nodes: 2 })
      .apply(makeDeployment('web', 2), makePod('typo').image('nginxx:1.27').build(), exits, probed, slow)
      .advance('30s');
    t.act((c) => c.delete('Pod', 'default', t.podsOf('web-')[0]!.metadata.name)).advance('60s');
    const seen = new Set<string>();
    for (const m of t.cluster.sim.trace) {
      if (m.kind !== 'cri-reply' && m.kind !== 'run' && m.kind !== 'probe') continue;
      const { sentence } = describeMessage(m, (e) => e);
      expect(sentence.key, m.summary).toMatch(/\.(criReplies\.|runs\.|probe[LRS])/);
      for (const catalog of [MESSAGES.en, MESSAGES.zh]) {
        const text = textAt(catalog, sentence.key);
        expect(text, sentence.key).toBeDefined();
        for (const [, name] of text!.matchAll(/\{\{(\w+)\}\}/g))
          expect(sentence.values[name!], `${sentence.key}: ${name}`).toBeTruthy();
      }
      seen.add(sentence.key.split('.').pop()!);
    }
    // The run went through each step a pod's life has.
    for (const step of [
      'config',
      'sandboxIp',
      'pulled',
      'pullFailed',
      'created',
      'started',
      'exited',
      'stopped',
      'removed',
      'sandbox',
      'start',
      'stop',
      'exec',
      'execTimedOut',
      'probeLiveness',
      'probeReadiness',
      'probeStartup',
    ])
      expect(seen, step).toContain(step);
  });

  it('keeps the general sentence for a line of another shape', () => {
    const { sentence } = describeMessage(
      {
        id: 0,
        sentAt: 0,
        deliverAt: 1,
        from: 'a',
        to: 'b',
        kind: 'cri-reply',
        summary: 'something new',
      } as never,
      (e) => e,
    );
    expect(sentence.key).toBe('messages.sentence.criReply');
  });
});

describe('an eviction in words', () => {
  it('names the Eviction API, not a create, in both languages', () => {
    const t = TestCluster.ready({ nodes: 2 }).apply(makePod('victim').build()).advance('20s');
    const from = t.cluster.sim.trace.length;
    t.act((c) => c.evict('default', 'victim')).advance('1s');
    const sent = t.cluster.sim.trace.slice(from).find((m) => m.summary.endsWith('/eviction'))!;
    const { label, sentence } = describeMessage(sent, (e) => e);
    expect(label.key).toBe('messages.label.evict');
    expect(sentence).toMatchObject({
      key: 'messages.sentence.evict',
      values: { from: 'kubectl', name: 'default/victim' },
    });
    for (const catalog of [MESSAGES.en, MESSAGES.zh]) {
      expect(textAt(catalog, label.key)).toBeDefined();
      expect(textAt(catalog, sentence.key)).toContain('{{name}}');
    }
  });
});
