/** How the diagram fits into its view: a little room at the top for the legend and hint. */
export const FIT_OPTIONS = {
  padding: { top: '52px', left: '16px', right: '16px', bottom: '16px' },
  maxZoom: 1.1,
} as const;
