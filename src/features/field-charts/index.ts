/** Field charts (issue 14): "chart this field" from the JSON tree, and the charts under the rate strip. */
export { FieldCharts } from './LazyFieldCharts.tsx';
export { FieldChartActionsProvider } from './FieldChartActionsProvider.tsx';
export { chartField, removeFieldChart } from './field-chart-actions.ts';
export { fieldChartsOf } from './session-fields.ts';
