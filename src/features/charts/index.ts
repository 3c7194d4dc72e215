export { LazyChartPanel as ChartPanel } from './LazyChartPanel.tsx';
export { TimeWindowBar } from './TimeWindowBar.tsx';
