/** Export and import of capture files (NDJSON, see src/archive): what App places in the sidebar. */
export { ArchivePanel } from './ArchivePanel.tsx';
