export { Inspector } from './Inspector.tsx';
export { NumberFieldActionsContext, type NumberFieldActions } from './number-field-actions.ts';
