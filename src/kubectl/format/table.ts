/**
 * Columns as kubectl prints them: Go's text/tabwriter with minwidth 6, tabwidth 4, padding 3,
 * padding with spaces (cli-runtime printers/tabwriter.go). Each cell but a row's last is padded to
 * its column's widest cell + 3 (at least 6); the last cell is printed as it is.
 */
import { tabwrite } from './tabwriter';

export function table(rows: readonly (readonly string[])[]): string {
  return tabwrite(rows.map((r) => r.join('\t')).join('\n'), 6, 3);
}
