// Vant's toasts, announced: Vant renders a toast as an unnamed role="dialog"; a short message that takes no focus
// is a status for assistive technology (axe-core: aria-dialog-name), read out when it appears. Toasts are mounted
// outside the app, whenever one is shown, so every toast that appears in the page is corrected as it appears.
function announce(el) {
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  el.removeAttribute('aria-modal');
}

export function announceToasts() {
  new MutationObserver(() => document.querySelectorAll('.van-toast[role="dialog"]').forEach(announce))
    .observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role'] });
}
