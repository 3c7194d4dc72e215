export { ConversationPanel } from './ConversationPanel.tsx';
