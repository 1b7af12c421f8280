/** The run's one source of randomness: a seeded xoroshiro128+ generator (pure-rand), snapshot-able. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

export class Prng {
  private constructor(private readonly rng: JumpableRandomGenerator) {}

  /** Seeds close together (1, 2, 3…) give nearly the same first outputs in xoroshiro128+, so the seed is mixed and the first draws dropped. */
  static fromSeed(seed: number): Prng {
    const rng = xoroshiro128plus(mix32(seed | 0));
    for (let i = 0; i < 16; i++) rng.next();
    return new Prng(rng);
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

/** A 32-bit integer hash (the murmur3 finaliser) to spread nearby seeds apart. */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) | 0;
}

/** apimachinery's rand.String alphabet: "bcdfghjklmnpqrstvwxz2456789". */
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const HEX = '0123456789abcdef';
