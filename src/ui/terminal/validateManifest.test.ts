import { describe, expect, it } from 'vitest';
import { validateManifest } from './validateManifest';

describe('validateManifest', () => {
  it('reports a document’s first YAML syntax error, counting the ones that follow from it', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: x',
      ' spec:',
      '  containers: [',
      'oops: : :',
    ].join('\n');
    const verdict = await validateManifest(text, 256 * 1024, ['Pod']);
    expect(verdict.problems).toEqual([
      {
        key: 'manifest.error.syntaxMore',
        values: { message: 'All mapping items must start at the same column', count: 3 },
        line: 5,
        col: 1,
      },
    ]);
  });

  it('has nothing to say of a well-formed Pod', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: x',
      'spec:',
      '  containers:',
      '  - name: a',
      '    image: nginx',
    ].join('\n');
    expect((await validateManifest(text, 256 * 1024, ['Pod'])).problems).toEqual([]);
  });
});
