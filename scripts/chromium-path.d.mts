/** The Chromium executable to use, or null when none is installed. */
export function chromiumPath(): string | null;
