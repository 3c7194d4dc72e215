// The bench build's entry (`vite build --mode bench`, see vite.config.ts):
// the product's dashboard, plus the bench hook attached to its session.
import { startDashboard } from '../../src/app/start-dashboard.tsx';
import { installArchiveBenchHook } from './archive-hook.ts';
import { installBenchHook } from './bench-hook.ts';

const session = startDashboard();
installBenchHook(session);
installArchiveBenchHook(session);
