/**
 * Columns as kubectl prints them: Go's text/tabwriter with minwidth 6, tabwidth 4, padding 3,
 * padding with spaces (cli-runtime printers/tabwriter.go). Each cell but a row's last is padded to
 * its column's widest cell + 3 (at least 6); the last cell is printed as it is.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

const width = (s: string) => [...s].length;

export function table(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => {
      if (i === row.length - 1) return;
      widths[i] = Math.max(widths[i] ?? 0, Math.max(MIN_WIDTH, width(cell) + PADDING));
    });
  return rows
    .map((row) =>
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat(widths[i]! - width(cell))))
        .join(''),
    )
    .join('\n');
}
