/**
 * The matrix itself: one column per tactic, its techniques as cells (buttons: Tab and
 * Enter reach and open each), sub-techniques folded under their parent. Columns are
 * memoised and only the cells of unfolded parents exist, so ~700 techniques stay quick;
 * tooltips are attached to highlighted cells only. Everything shown is text (no HTML).
 */
import { ActionIcon, Box, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixTactic, MatrixTechnique } from '../../../core/attack/matrix.ts';

/** What one cell shows: a fill colour, a badge (a score) and the tooltip's lines. */
export interface CellLook {
  colour: string;
  /** true: the colour fills the cell (an imported layer); false: a tint with a coloured edge. */
  solid: boolean;
  /** The kind, side or "layer", for tests and styling. */
  mark: string;
  lines: string[];
  score?: number;
}

export type LookUp = (technique: MatrixTechnique, tactic: string) => CellLook | undefined;

/** Black or white text, whichever reads on a layer's own colour. */
function textOn(colour: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(colour);
  if (!match) return 'inherit';
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => parseInt(part ?? '0', 16));
  return (r ?? 0) * 0.299 + (g ?? 0) * 0.587 + (b ?? 0) * 0.114 > 150 ? '#111' : '#fff';
}

function Cell({ technique, tactic, look, sub, onOpen, toggle }: { technique: MatrixTechnique; tactic: string; look: CellLook | undefined; sub: boolean; onOpen: (id: string) => void; toggle?: ReactNode }) {
  const { t } = useTranslation();
  const label = look ? t('attack.cellHighlighted', { id: technique.attackId, name: technique.name, paths: look.lines.join('; ') }) : t('attack.cellLabel', { id: technique.attackId, name: technique.name });
  const style = look
    ? look.solid
      ? { background: look.colour, color: textOn(look.colour) }
      : { background: `${look.colour}2e`, borderLeft: `4px solid ${look.colour}` }
    : {};
  const button = (
    <UnstyledButton
      className="attack-cell"
      data-testid="matrix-cell"
      data-technique={technique.attackId}
      data-tactic={tactic}
      data-mark={look?.mark ?? 'none'}
      {...(look?.score === undefined ? {} : { 'data-score': String(look.score) })}
      {...(look?.solid ? { 'data-colour': look.colour } : {})}
      aria-label={label}
      onClick={() => onOpen(technique.id)}
      style={{ display: 'block', width: '100%', padding: '4px 6px', borderRadius: 4, fontSize: 12, lineHeight: 1.3, overflowWrap: 'anywhere', ...style }}
      pl={sub ? 16 : 6}
    >
      <Text span size="xs" c="dimmed" style={look?.solid ? { color: 'inherit', opacity: 0.8 } : undefined}>
        {technique.attackId}
      </Text>{' '}
      {technique.name}
      {look?.score !== undefined ? <Text span size="xs" fw={700}>{` · ${String(look.score)}`}</Text> : null}
    </UnstyledButton>
  );
  return (
    <Group gap={2} wrap="nowrap" align="flex-start">
      {toggle}
      <Box style={{ flex: 1, minWidth: 0 }}>
        {look && look.lines.length > 0 ? (
          <Tooltip label={look.lines.join('\n')} multiline w={340} openDelay={200} withinPortal events={{ hover: true, focus: true, touch: false }} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {button}
          </Tooltip>
        ) : button}
      </Box>
    </Group>
  );
}

interface ColumnProps {
  tactic: MatrixTactic;
  lookUp: LookUp;
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onOpen: (id: string) => void;
}

const TacticColumn = memo(function TacticColumn({ tactic, lookUp, expanded, onToggle, onOpen }: ColumnProps) {
  const { t } = useTranslation();
  return (
    <Stack gap={3} w={168} miw={168} data-testid="matrix-tactic" data-tactic={tactic.shortname} role="group" aria-label={t('attack.tactic', { name: tactic.name, count: tactic.techniques.length })}>
      <Box p={4} style={{ borderBottom: '2px solid var(--mantine-color-default-border)' }}>
        <Text fw={700} size="sm">{tactic.name}</Text>
        <Text size="xs" c="dimmed">{tactic.attackId} · {tactic.techniques.length}</Text>
      </Box>
      {tactic.techniques.map((technique) => {
        const key = `${tactic.shortname}|${technique.id}`;
        const open = expanded.has(key);
        const subs = technique.subtechniques;
        const toggle = subs.length > 0 ? (
          <ActionIcon variant="subtle" size="sm" mt={2} aria-expanded={open} data-testid="matrix-toggle-subs"
            aria-label={open ? t('attack.hideSubs', { name: technique.name }) : t('attack.showSubs', { name: technique.name, count: subs.length })}
            onClick={() => onToggle(key)}>
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
        ) : <Box w={22} miw={22} />;
        return (
          <Stack gap={2} key={technique.id}>
            <Cell technique={technique} tactic={tactic.shortname} look={lookUp(technique, tactic.shortname)} sub={false} onOpen={onOpen} toggle={toggle} />
            {open ? subs.map((sub) => <Cell key={sub.id} technique={sub} tactic={tactic.shortname} look={lookUp(sub, tactic.shortname)} sub onOpen={onOpen} toggle={<Box w={22} miw={22} />} />) : null}
          </Stack>
        );
      })}
    </Stack>
  );
});

export function MatrixGrid({ tactics, ...rest }: { tactics: readonly MatrixTactic[] } & Omit<ColumnProps, 'tactic'>) {
  return (
    <Box style={{ overflowX: 'auto' }} data-testid="attack-matrix" pb="sm">
      <Group gap="xs" align="flex-start" wrap="nowrap">
        {tactics.map((tactic) => <TacticColumn key={tactic.id} tactic={tactic} {...rest} />)}
      </Group>
    </Box>
  );
}
