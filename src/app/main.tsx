import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startFromUrlAndConfig } from './startup.ts';
import './app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startFromUrlAndConfig();
if (new URLSearchParams(location.search).has('bench')) void import('./bench-hook.ts'); // npm run bench only: a separate chunk
