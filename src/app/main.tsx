// The product's entry (index.html). The bench build swaps in its own entry, bench/page/main.ts.
import { startDashboard } from './start-dashboard.tsx';

startDashboard();
