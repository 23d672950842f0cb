/**
 * Mantine's extra-small Badge as a plain span and a class (indicatorRow.css), for the
 * review's rows, which are drawn as they scroll into view (issue 16, point 3). Colours come
 * from Mantine's own CSS variables, so light and dark themes still apply.
 */
import type { HTMLAttributes } from 'react';

type Props = HTMLAttributes<HTMLSpanElement> & {
  variant: 'filled' | 'light' | 'outline';
  color: 'gray' | 'teal' | 'red' | 'orange';
} & Record<`data-${string}`, string | undefined>;

export function RowBadge({ variant, color, className, style, ...rest }: Props) {
  const colours = {
    filled: { background: `var(--mantine-color-${color}-filled)`, color: 'var(--mantine-color-white)', borderColor: 'transparent' },
    light: { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)`, borderColor: 'transparent' },
    outline: { background: 'transparent', color: `var(--mantine-color-${color}-outline)`, borderColor: `var(--mantine-color-${color}-outline)` },
  }[variant];
  return <span className={className ? `indicator-badge ${className}` : 'indicator-badge'} style={{ ...colours, ...style }} {...rest} />;
}
