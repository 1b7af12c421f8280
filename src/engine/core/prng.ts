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

  /**
   * `n` characters drawn from `alphabet`, one draw each in order. Built from character codes into
   * one flat string (a 64-character container id by concatenation would be a chain of 50 strings).
   */
  chars(alphabet: string, n: number): string {
    codes.length = 0;
    this.draw(alphabet, n);
    return text();
  }

  private draw(alphabet: string, n: number): void {
    for (let i = 0; i < n; i++) codes.push(alphabet.charCodeAt(this.int(0, alphabet.length - 1)));
  }

  /** A lowercase alphanumeric string like Kubernetes' generated name suffixes (no vowels, as upstream). */
  suffix(length: number): string {
    return this.chars(SUFFIX_ALPHABET, length);
  }

  /** A random v4-shaped UUID: 8-4-4-4-12 hex digits, the third group starting with 4, the fourth with 8–b. */
  uuid(): string {
    codes.length = 0;
    this.draw(HEX, 8);
    codes.push(DASH);
    this.draw(HEX, 4);
    codes.push(DASH, FOUR);
    this.draw(HEX, 3);
    codes.push(DASH, HEX.charCodeAt(8 + this.int(0, 3)));
    this.draw(HEX, 3);
    codes.push(DASH);
    this.draw(HEX, 12);
    return text();
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
const DASH = '-'.charCodeAt(0);
const FOUR = '4'.charCodeAt(0);

/** The character codes of the string being generated (one array, reused). */
const codes: number[] = [];
const text = () => String.fromCharCode.apply(null, codes);
