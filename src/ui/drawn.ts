/**
 * Tells the composition root when the architecture is on screen (React Flow has measured and
 * shown every card), so heavier work — the simulation — starts only after the first real paint.
 */
let drawn: () => void = () => {};
const whenDrawnPromise = new Promise<void>((resolve) => {
  drawn = resolve;
});

export function notifyDrawn(): void {
  drawn();
}

export function whenDrawn(): Promise<void> {
  return whenDrawnPromise;
}
