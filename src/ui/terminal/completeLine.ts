/** Tab completion as a shell does it: one candidate completes the word, several complete their common start and are listed. */

/** Candidates listed at most (the rest are left out with an ellipsis). */
const SHOWN = 60;

export function completeLine(
  line: string,
  candidates: readonly string[],
): { line: string; shown: readonly string[] } {
  const start = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
  const word = line.slice(start);
  const unique = [...new Set(candidates)].filter((c) => c.startsWith(word));
  if (unique.length === 0) return { line, shown: [] };
  // A completed word takes a space after it, unless it ends in `=` (`-o jsonpath=`): its value follows.
  if (unique.length === 1)
    return { line: `${line.slice(0, start)}${unique[0]}${unique[0]!.endsWith('=') ? '' : ' '}`, shown: [] };
  let common = unique[0]!;
  for (const c of unique) while (!c.startsWith(common)) common = common.slice(0, -1);
  const shown = unique.length > SHOWN ? [...unique.slice(0, SHOWN), '…'] : unique;
  return { line: `${line.slice(0, start)}${common.length > word.length ? common : word}`, shown };
}
