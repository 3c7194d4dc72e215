/**
 * What the JSON tree offers on a numeric leaf ("chart this field"), handed
 * down through React context so the tree's users pass nothing: the app
 * provides it around the inspector (features/field-charts), and a tree whose
 * paths are not paths of the body (Celery's args, kwargs, events) is
 * rendered under a null value, which turns the action off.
 */
import { createContext } from 'react';

export interface NumberFieldActions {
  /** Charts the field at `path` (canonical text, e.g. `$.items[0].qty`) over every message that has it. */
  chart(path: string): void;
  /** The field is already charted (its button says so). */
  isCharted(path: string): boolean;
}

export const NumberFieldActionsContext = createContext<NumberFieldActions | null>(null);
