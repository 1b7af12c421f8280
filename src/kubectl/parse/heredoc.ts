/**
 * A command typed or pasted with a here-document, as bash reads it: `kubectl apply -f - <<EOF`,
 * then the lines of the document, then a line that is only `EOF` (or `<<-EOF`, whose lines may be
 * indented with tabs; `<<'EOF'` quotes the marker). The command runs with the document on stdin.
 */

/** The marker a line ends with, when it starts a here-document. */
const START = /<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2\s*$/;

export interface Heredoc {
  /** The command without its `<<EOF`. */
  readonly command: string;
  readonly stdin: string;
}

/** The here-document `line` starts: the command before `<<`, its end marker, and whether `<<-` strips tabs. */
export function heredocStart(line: string): { command: string; marker: string; stripTabs: boolean } | null {
  const m = START.exec(line);
  return m ? { command: line.slice(0, m.index).trim(), marker: m[3]!, stripTabs: m[1] === '-' } : null;
}

/** The marker that ends the document `line` starts, or null when it starts none. */
export function heredocMarker(line: string): string | null {
  return heredocStart(line)?.marker ?? null;
}

/**
 * `text` (several lines) read as a command with a here-document: null when its first line starts
 * none; `complete: false` while the marker line has not come yet.
 */
export function parseHeredoc(text: string): (Heredoc & { readonly complete: boolean }) | null {
  const [first = '', ...rest] = text.split(/\r?\n/);
  const start = heredocStart(first);
  if (!start) return null;
  const { command, marker, stripTabs } = start;
  const body: string[] = [];
  let complete = false;
  for (const raw of rest) {
    const line = stripTabs ? raw.replace(/^\t+/, '') : raw;
    if (line === marker) {
      complete = true;
      break;
    }
    body.push(line);
  }
  return {
    command,
    stdin: body.length ? `${body.join('\n')}\n` : '',
    complete,
  };
}

/** How the terminal shows such a command: the lines of the document after `> `, as bash echoes them. */
export function shownHeredoc(text: string): string {
  const lines = text.split(/\r?\n/);
  return [lines[0], ...lines.slice(1).map((l) => `> ${l}`)].join('\n');
}
