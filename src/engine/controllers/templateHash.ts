/** pod-template-hash as the Deployment controller computes it: FNV-1a of the template, safely encoded. */

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** FNV-1a, 32-bit, over the UTF-16 code units of `text`. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** rand.SafeEncodeString(fmt.Sprint(hash)): each decimal digit's byte mapped into the vowel-free alphabet. */
export function safeEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

export function templateHash(template: unknown): string {
  return safeEncode(String(fnv32a(JSON.stringify(template))));
}
