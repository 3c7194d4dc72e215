export { MessageTable } from './MessageTable.tsx';
