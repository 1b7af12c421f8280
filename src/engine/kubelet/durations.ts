/** Go's time.Duration printing, truncated to milliseconds as kubelet's pull messages do: `4.113s`, `512ms`, `1m3.2s`. */
export function goDuration(ms: number): string {
  const whole = Math.floor(ms);
  if (whole < 1000) return `${whole}ms`;
  const minutes = Math.floor(whole / 60_000);
  const seconds = (whole % 60_000) / 1000;
  const s = `${Number(seconds.toFixed(3))}s`;
  return minutes ? `${minutes}m${s}` : s;
}
