// ECharts, loaded only when a screen draws a chart (after first paint).
let loading;
export function loadCharts() {
  if (!loading) loading = import('./charts-impl.js');
  return loading;
}
