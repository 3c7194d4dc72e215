import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { installFastFramePath } from '../connection/index.ts';
import { App } from './App.tsx';
import { startFromUrlAndConfig } from './startup.ts';
import './app.css';

// Before any STOMP frame is parsed: stompjs's parser, with a one-pass path for whole frames.
installFastFramePath();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startFromUrlAndConfig();
if (new URLSearchParams(location.search).has('bench')) void import('./bench-hook.ts'); // npm run bench only: a separate chunk
