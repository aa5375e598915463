// ECharts, loaded only when a screen draws a chart (after first paint): bar, line and pie on canvas.
let loading;
export function loadCharts() {
  if (!loading) {
    loading = Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'),
      import('echarts/renderers')]).then(([core, charts, components, renderers]) => {
      core.use([charts.BarChart, charts.LineChart, charts.PieChart, components.GridComponent,
        components.TooltipComponent, components.TitleComponent, components.LegendComponent, renderers.CanvasRenderer]);
      return core;
    });
  }
  return loading;
}
