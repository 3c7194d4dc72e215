export { ConnectionPanel } from './ConnectionPanel.tsx';
export { ConnectionStatusLine } from './ConnectionStatusLine.tsx';
