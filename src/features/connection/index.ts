export { ConnectionPanel, ConnectionStatusLine } from './ConnectionPanel.tsx';
