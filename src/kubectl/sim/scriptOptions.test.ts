import { describe, expect, it } from 'vitest';
import { scriptOptions } from './scriptOptions';

describe('a script’s # options: line', () => {
  it('reads nodes, runtime and seed, in either flag form', () => {
    expect(scriptOptions('# options: --nodes 3 --runtime=cri-o --seed 7\nkubectl get pods')).toEqual({
      nodes: 3,
      runtime: 'cri-o',
      seed: 7,
    });
  });

  it('leaves out what is missing or makes no sense', () => {
    expect(scriptOptions('kubectl get pods')).toEqual({});
    expect(scriptOptions('# options: --nodes many --runtime podman --seed 2')).toEqual({ seed: 2 });
  });
});
