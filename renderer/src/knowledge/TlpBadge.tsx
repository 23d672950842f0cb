import { Badge } from '@mantine/core';
import type { TlpLevel } from '../../../core/stix/markings.ts';

/** FIRST's TLP 2.0 colours: the badge reads the same as on a printed report. */
const colours: Record<TlpLevel, { background: string; color: string }> = {
  clear: { background: '#ffffff', color: '#000000' },
  green: { background: '#33ff00', color: '#000000' },
  amber: { background: '#ffc000', color: '#000000' },
  'amber+strict': { background: '#ffc000', color: '#000000' },
  red: { background: '#ff2b2b', color: '#000000' },
};

export function TlpBadge({ level }: { level: TlpLevel | null }) {
  if (!level) return null;
  const { background, color } = colours[level];
  return (
    <Badge radius="sm" size="sm" styles={{ root: { background, color, border: '1px solid #00000033' } }} data-tlp={level}>
      TLP:{level.toUpperCase()}
    </Badge>
  );
}
