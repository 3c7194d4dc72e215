export { LazyDiffView } from './LazyDiffView.tsx';
