import { nextThemeChoice, setThemeChoice, useThemeChoice } from '../../ui/index.ts';

const LABEL = { system: 'Auto', light: 'Light', dark: 'Dark' } as const;

/** One button cycling Auto (the system's preference) → Light → Dark. */
export function ThemeToggle() {
  const { choice, resolved } = useThemeChoice();
  const next = nextThemeChoice(choice);
  return (
    <button
      type="button"
      className="theme-toggle"
      data-testid="theme-toggle"
      data-choice={choice}
      data-theme-resolved={resolved}
      title={`Theme: ${LABEL[choice]}${choice === 'system' ? ` (the system prefers ${resolved})` : ''}. Click for ${LABEL[next]}.`}
      onClick={() => setThemeChoice(next)}
    >
      {resolved === 'light' ? '☀' : '☾'} {LABEL[choice]}
    </button>
  );
}
