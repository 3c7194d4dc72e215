/** What every feature shares: the session context and hooks, the palette, the byte format, and what both chart features draw with (stable props, time labels). */
export { SessionProvider, useSession, useWarrenStore } from './session-context.tsx';
export { PALETTE, NEUTRAL_COLOR, subscriptionColor } from './palette.ts';
export { formatBytes } from './format-bytes.ts';
export { formatCount } from './format-count.ts';
export { applyThemeFromUrl, installTheme, nextThemeChoice, setThemeChoice, useChartColors, useThemeChoice } from './theme.ts';
export type { ChartColors, ResolvedTheme, ThemeChoice } from './theme.ts';
export { useMeasured } from './use-measured.ts';
export { NO_TICKS, TOOLTIP_SHOWN } from './chart-props.ts';
export { TimeTickLabels } from './time-tick-labels.tsx';
export { useStableHandlers, useStableNumbers } from './stable-props.ts';
