/** The flags every launch uses. */
export const CHROMIUM_ARGS: string[];

/** The Chromium executable to use, or null when none is installed. */
export function chromiumPath(): string | null;
