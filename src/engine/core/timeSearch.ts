/** The index of the last record at or before virtual time `t` in a time-ordered list (binary search), or -1. */
export function lastIndexAtOrBefore(records: readonly { readonly time: number }[], t: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.time <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
