/* global window, location, URL */
/**
 * Host-side helper for embedding K8s Architecture Explorer in a course page.
 *
 *   <iframe id="k8s" src="https://your.site/explorer/?embed=1&scenario=apply-to-running&step=1"
 *           sandbox="allow-scripts" style="width:100%;height:560px;border:0"></iframe>
 *   <script type="module">
 *     import { connect } from 'https://your.site/explorer/embed/k8s-explorer-embed.js';
 *     const explorer = connect(document.getElementById('k8s'));
 *     explorer.onStep((s) => console.log(`step ${s.step} of ${s.steps}: ${s.phase}`));
 *     explorer.goToStep(3);
 *   </script>
 *
 * The embed accepts only these messages, only from its parent window, and answers to the page's
 * origin. A sandboxed iframe without allow-same-origin has the opaque origin "null", which no
 * targetOrigin can name, so messages to it go to "*" (they carry commands, never data); replies
 * are taken only from that iframe's window.
 */
export function connect(iframe, options = {}) {
  const sandboxed =
    iframe.hasAttribute('sandbox') && !/\ballow-same-origin\b/.test(iframe.getAttribute('sandbox') ?? '');
  const target = options.origin ?? (sandboxed ? '*' : new URL(iframe.src, location.href).origin);
  const listeners = new Set();
  const send = (message) => iframe.contentWindow?.postMessage(message, target);
  const onMessage = (event) => {
    if (event.source !== iframe.contentWindow) return;
    const data = event.data;
    if (!data || data.type !== 'k8s-explorer:step') return;
    for (const listener of listeners) listener(data);
  };
  window.addEventListener('message', onMessage);
  // Says hello once the embed has loaded, so it learns where to answer and sends its state.
  const hello = () => send({ type: 'k8s-explorer:hello' });
  iframe.addEventListener('load', hello);
  hello();
  return {
    play: () => send({ type: 'k8s-explorer:play' }),
    pause: () => send({ type: 'k8s-explorer:pause' }),
    /** Steps count from 1, as in the URL. */
    goToStep: (step) => send({ type: 'k8s-explorer:goToStep', step }),
    /** Called with { scenario, step, steps, phase, playing } whenever the step or playback changes. */
    onStep(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy() {
      window.removeEventListener('message', onMessage);
      iframe.removeEventListener('load', hello);
      listeners.clear();
    },
  };
}
