/**
 * Gives the inspector's JSON tree its "chart this field" action (the tree
 * reads it from context, so PayloadPanel passes nothing). Placed by the app
 * around the inspector.
 */
import { useMemo, type ReactNode } from 'react';
import { NumberFieldActionsContext, type NumberFieldActions } from '../inspector/index.ts';
import { useSession, useWarrenStore } from '../../ui/index.ts';
import { chartField } from './field-chart-actions.ts';

export function FieldChartActionsProvider({ children }: { children: ReactNode }) {
  const session = useSession();
  const paths = useWarrenStore((s) => s.fieldChartPaths);
  const actions = useMemo<NumberFieldActions>(
    () => ({
      chart: (path) => void chartField(session, path),
      isCharted: (path) => paths.includes(path),
    }),
    [session, paths],
  );
  return <NumberFieldActionsContext.Provider value={actions}>{children}</NumberFieldActionsContext.Provider>;
}
