/** The iframe a course page pastes to embed the current view, and the link that reopens it. */

export interface EmbedOptions {
  /** The app's address without a query (origin + path). */
  readonly base: string;
  /** The current query, as the address bar keeps it (`?scenario=…&step=…&lang=…`). */
  readonly search: string;
  readonly height: number;
  readonly autoplay: boolean;
  /** Lock the embed to these steps (1-based, inclusive). */
  readonly steps?: { readonly from: number; readonly to: number };
  readonly title: string;
}

/** The embed's address: the current view with `embed=1` and the chosen options. */
export function embedUrl(options: EmbedOptions): string {
  const params = new URLSearchParams(options.search);
  params.set('embed', '1');
  if (options.autoplay) params.set('autoplay', '1');
  else params.delete('autoplay');
  if (options.steps && params.has('scenario')) {
    params.set('steps', `${options.steps.from}-${options.steps.to}`);
    const step = Number(params.get('step') ?? '1');
    if (!(step >= options.steps.from && step <= options.steps.to))
      params.set('step', String(options.steps.from));
  } else params.delete('steps');
  return `${options.base}?${params.toString()}`;
}

const attribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The `<iframe>` to paste into a course page. Sandboxed, but with its own origin kept: the embed is
 * on another site than the course page, so that is safe, and it loads from any static host. A
 * stricter `sandbox="allow-scripts"` alone works too where the host sends
 * `Access-Control-Allow-Origin: *` (README, "Embed it").
 */
export function embedSnippet(options: EmbedOptions): string {
  return [
    `<iframe src="${attribute(embedUrl(options))}"`,
    `  title="${attribute(options.title)}"`,
    `  width="100%" height="${Math.round(options.height)}" style="border:0"`,
    `  sandbox="allow-scripts allow-same-origin" loading="lazy"></iframe>`,
  ].join('\n');
}
