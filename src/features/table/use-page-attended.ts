import { useEffect, useState } from 'react';
import { watchPageAttention, windowFocused } from '../../session/index.ts';

/** Whether anyone attends the page (its window focused, or the pointer over it: page-attention.ts), as React state. */
export function usePageAttended(): boolean {
  const [attended, setAttended] = useState(windowFocused);
  useEffect(() => watchPageAttention(setAttended), []);
  return attended;
}
