/**
 * Hex digits that look random but are fixed by a text: simulated digests and hashes that every
 * node and every run report alike, as the real ones would for the same content.
 */
export function stableHex(text: string, words: number): string {
  let out = '';
  for (let part = 0; part < words; part++) {
    // FNV-1a over the text and the part's number: independent 32-bit words.
    let h = 0x811c9dc5;
    const input = `${text}#${part}`;
    for (let i = 0; i < input.length; i++) h = Math.imul(h ^ input.charCodeAt(i), 0x01000193);
    // murmur3's finaliser, so that texts one character apart give unrelated words.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return out;
}
