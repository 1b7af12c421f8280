/** Splits a command line into words as a POSIX shell would (quotes, backslashes) and into `|` stages. */

export interface Tokenized {
  /** Each pipeline stage's words. */
  readonly stages: string[][];
  /** A quote was left open. */
  readonly unterminated: boolean;
  /** The quote left open, when one is (`"` or `'`). */
  readonly openQuote?: string;
}

export function tokenize(line: string): Tokenized {
  const stages: string[][] = [[]];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  const end = () => {
    if (inWord) stages[stages.length - 1]!.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) word += line[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      end();
    } else if (c === '|') {
      end();
      stages.push([]);
    } else if (c === '#' && !inWord) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  end();
  return quote !== null ? { stages, unterminated: true, openQuote: quote } : { stages, unterminated: false };
}
