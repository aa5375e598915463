// The part of ECharts the console draws with (bar, line, pie on canvas), named one by one so that the rest of the
// library stays out of the chunk; charts.js fetches this module when the first chart is on screen.
import { use, init } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, CanvasRenderer]);
export { init };
