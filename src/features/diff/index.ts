export { DiffView } from './DiffView.tsx';
