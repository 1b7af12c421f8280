/** How the diagram fits into its view: a little room at the top for the legend and hint. */
export const FIT_OPTIONS = {
  // Left: room for the zoom buttons in the bottom-left corner, so they never cover a node at fit.
  padding: { top: '52px', left: '48px', right: '16px', bottom: '16px' },
  maxZoom: 1.1,
} as const;
