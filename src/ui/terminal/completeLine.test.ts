import { describe, expect, it } from 'vitest';
import { completeLine } from './completeLine';

describe('Tab completion of the word being typed', () => {
  it.each([
    ['kubectl ge', ['get'], 'kubectl get ', []],
    ['kubectl get po', ['pods', 'podtemplates'], 'kubectl get pod', ['pods', 'podtemplates']],
    ['kubectl d', ['delete', 'describe', 'drain'], 'kubectl d', ['delete', 'describe', 'drain']],
    ['kubectl x', [], 'kubectl x', []],
    ['kubectl ', ['get', 'get'], 'kubectl get ', []],
    ['kub', ['kubectl', 'other'], 'kubectl ', []],
    ['kubectl get pods -o jsonp', ['jsonpath=', 'name'], 'kubectl get pods -o jsonpath=', []],
  ])('%s with %j → %j', (line, candidates, completed, shown) => {
    expect(completeLine(line, candidates)).toEqual({ line: completed, shown });
  });

  it('lists at most 60 candidates', () => {
    const many = Array.from({ length: 100 }, (_, i) => `web-${i}`);
    expect(completeLine('kubectl delete pod w', many).shown).toHaveLength(61);
  });
});
