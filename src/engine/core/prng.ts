/** The run's one source of randomness: a seeded xoroshiro128+ generator (pure-rand), snapshot-able. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class Prng {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  static fromSeed(seed: number): Prng {
    return new Prng(xoroshiro128plus(seed | 0));
  }

  static fromState(state: readonly number[]): Prng {
    return new Prng(xoroshiro128plusFromState(state));
  }

  /** A uniform integer in [from, to]. */
  int(from: number, to: number): number {
    return uniformInt(this.rng, from, to);
  }

  /** A lowercase alphanumeric string like Kubernetes' generated name suffixes (no vowels, as upstream). */
  suffix(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += SUFFIX_ALPHABET[this.int(0, SUFFIX_ALPHABET.length - 1)];
    return s;
  }

  /** A random v4-shaped UUID. */
  uuid(): string {
    const hex = (n: number) => {
      let s = '';
      for (let i = 0; i < n; i++) s += HEX[this.int(0, 15)];
      return s;
    };
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${HEX[8 + this.int(0, 3)]}${hex(3)}-${hex(12)}`;
  }

  state(): readonly number[] {
    return this.rng.getState();
  }
}

/** apimachinery's rand.String alphabet: "bcdfghjklmnpqrstvwxz2456789". */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';
