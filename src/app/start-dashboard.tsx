import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { restoreSchemas } from '../features/schemas/index.ts';
import { TraceSession } from '../session/index.ts';
import { applyThemeFromUrl, installTheme, SessionProvider } from '../ui/index.ts';
import { App } from './App.tsx';
import { startFromUrlAndConfig } from './startup.ts';
import { capacityFromUrl, syncFilterToUrl } from './url-state.ts';
import './theme.css';
import './app.css';

/**
 * Starts the dashboard: one session for the tab, the UI around it, then the
 * connection the URL or the server's runtime config names. Returns the
 * session (the bench page's entry attaches its probes to it).
 */
export function startDashboard(): TraceSession {
  // Before the first render: the page never flashes the other theme.
  applyThemeFromUrl(location.search);
  installTheme();
  const session = new TraceSession({ capacity: capacityFromUrl(location.search) });
  // Protobuf schemas kept in IndexedDB: filters, field charts and the diff read them before any message is opened.
  void restoreSchemas(session.payloads);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <SessionProvider session={session}>
        <App />
      </SessionProvider>
    </StrictMode>,
  );
  syncFilterToUrl(session.store);
  void startFromUrlAndConfig(session);
  return session;
}
