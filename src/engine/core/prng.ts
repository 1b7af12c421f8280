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
    const codes = buffer(n);
    this.draw(codes, 0, alphabet, n);
    return String.fromCharCode.apply(null, codes);
  }

  /** Fills `codes[at…at+n)` with draws from `alphabet`; returns the index after them. */
  private draw(codes: number[], at: number, alphabet: string, n: number): number {
    const top = alphabet.length - 1;
    for (let i = 0; i < n; i++) codes[at + i] = alphabet.charCodeAt(this.int(0, top));
    return at + n;
  }

  /** A lowercase alphanumeric string like Kubernetes' generated name suffixes (no vowels, as upstream). */
  suffix(length: number): string {
    return this.chars(SUFFIX_ALPHABET, length);
  }

  /** A random v4-shaped UUID: 8-4-4-4-12 hex digits, the third group starting with 4, the fourth with 8–b. */
  uuid(): string {
    const codes = buffer(36);
    let at = this.draw(codes, 0, HEX, 8);
    codes[at++] = DASH;
    at = this.draw(codes, at, HEX, 4);
    codes[at++] = DASH;
    codes[at++] = FOUR;
    at = this.draw(codes, at, HEX, 3);
    codes[at++] = DASH;
    codes[at++] = HEX.charCodeAt(8 + this.int(0, 3));
    at = this.draw(codes, at, HEX, 3);
    codes[at++] = DASH;
    this.draw(codes, at, HEX, 12);
    return String.fromCharCode.apply(null, codes);
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

/**
 * One array of character codes per string length, reused: filled in place and turned into one flat
 * string (emptying and refilling a single array would free and grow its storage every time).
 */
const buffers: number[][] = [];
const buffer = (n: number): number[] => (buffers[n] ??= new Array<number>(n).fill(0));
