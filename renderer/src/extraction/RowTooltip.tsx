/**
 * A tooltip for list rows that costs nothing until it is first wanted: Mantine's Tooltip
 * sets up its floating-UI machinery on every mount, and mounting it on each badge of each
 * visible row made scrolling the review's list a long task (issue 16, point 3). The real
 * Tooltip mounts on the first hover or focus and is shown and hidden from then on.
 */
import { Tooltip, type TooltipProps } from '@mantine/core';
import { useState, type ReactElement } from 'react';

export function RowTooltip({ children, ...props }: Omit<TooltipProps, 'children' | 'opened'> & { children: ReactElement }) {
  // null until first shown: no Tooltip mounted yet.
  const [opened, setOpened] = useState<boolean | null>(null);
  const wrapped = (
    <span style={{ display: 'inline-flex', flexShrink: 0 }} onMouseEnter={() => setOpened(true)} onMouseLeave={() => setOpened(false)} onFocus={() => setOpened(true)} onBlur={() => setOpened(false)}>
      {children}
    </span>
  );
  if (opened === null) return wrapped;
  return (
    <Tooltip {...props} opened={opened}>
      {wrapped}
    </Tooltip>
  );
}
