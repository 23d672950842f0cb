/**
 * The score-over-time chart of an indicator (issue 21, point 2), drawn as a plain SVG line:
 * history solid, the model's forecast dashed, the revoke score as a red rule and each reset
 * as a marker. Screen readers get the summary as the image's name and the key points as a
 * table (visually hidden), since a line carries nothing to them.
 */
import { Group, Table, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CHART_BOX, chartGeometry } from './scoreChart.ts';
import type { ScoreStory } from './scoreStory.ts';
import type { DateText } from './scoreSummary.ts';

const LINE = 'var(--mantine-color-blue-6)';
const REVOKE = 'var(--mantine-color-red-6)';
const RESET = 'var(--mantine-color-teal-6)';
const MUTED = 'var(--mantine-color-dimmed)';
const GRID = 'var(--mantine-color-default-border)';

interface KeyPoint {
  at: number;
  score: number;
  what: string;
}

/** The points a reader needs, in time order: start, resets, now, the fall to the revoke score, the end. */
function keyPoints(story: ScoreStory, t: TFunction): KeyPoint[] {
  const first = story.points[0];
  const points: KeyPoint[] = first ? [{ at: first.at, score: first.score, what: t('lifecycle.score.points.first') }] : [];
  for (const reset of story.resets) points.push({ at: reset.at, score: reset.score, what: t('lifecycle.score.points.reset', { source: reset.source.name }) });
  if (story.revokedAt !== undefined) points.push({ at: story.revokedAt, score: 0, what: t('lifecycle.score.points.revoked') });
  points.push({ at: story.now, score: story.score, what: t('lifecycle.score.points.now') });
  if (story.revokeAt !== undefined && story.revokeAt > story.now) points.push({ at: story.revokeAt, score: story.revokeScore, what: t('lifecycle.score.points.revoke') });
  if ((story.state === 'live' || story.state === 'under') && story.validUntil !== undefined) points.push({ at: story.validUntil, score: 0, what: t('lifecycle.score.points.end') });
  return points.sort((a, b) => a.at - b.at);
}

function Swatch({ color, dashed = false, dot = false, label }: { color: string; dashed?: boolean; dot?: boolean; label: string }) {
  return (
    <Group gap={4} wrap="nowrap" aria-hidden>
      <svg width={18} height={10}>
        {dot ? <circle cx={9} cy={5} r={4} fill={color} /> : <line x1={0} x2={18} y1={5} y2={5} stroke={color} strokeWidth={2} strokeDasharray={dashed ? '4 3' : undefined} />}
      </svg>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

export function ScoreChart({ story, summary, date }: { story: ScoreStory; summary: string; date: DateText }) {
  const { t } = useTranslation();
  const geometry = chartGeometry(story);
  if (!geometry) return null;
  const box = CHART_BOX;
  const first = story.points[0]?.at ?? story.now;
  const last = story.points.at(-1)?.at ?? story.now;
  const label = t('lifecycle.score.chartLabel', { from: date(first), to: date(last), summary });
  const points = keyPoints(story, t);
  return (
    <figure style={{ margin: 0 }} data-testid="score-chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} width="100%" role="img" aria-label={label} style={{ display: 'block' }}>
        <title>{label}</title>
        {geometry.yTicks.map((tick) => (
          <g key={tick.score}>
            <line x1={box.left} x2={box.width - box.right} y1={tick.y} y2={tick.y} stroke={GRID} strokeWidth={1} />
            <text x={box.left - 6} y={tick.y + 3} textAnchor="end" fontSize={10} fill={MUTED}>
              {tick.score}
            </text>
          </g>
        ))}
        {geometry.xTicks.map((tick, index) => (
          <text key={tick.at} x={tick.x} y={box.height - 6} fontSize={10} fill={MUTED} textAnchor={index === 0 ? 'start' : index === geometry.xTicks.length - 1 ? 'end' : 'middle'}>
            {date(tick.at)}
          </text>
        ))}
        <line x1={box.left} x2={box.width - box.right} y1={geometry.revokeY} y2={geometry.revokeY} stroke={REVOKE} strokeWidth={1.5} strokeDasharray="6 4" data-testid="score-revoke-line" />
        {/* At the left: the forecast crosses the line on the right. */}
        <text x={box.left + 4} y={geometry.revokeY - 4} fontSize={10} fill={REVOKE}>
          {t('lifecycle.score.legend.revoke')} {story.revokeScore}
        </text>
        {geometry.nowX !== undefined && <line x1={geometry.nowX} x2={geometry.nowX} y1={box.top} y2={box.height - box.bottom} stroke={MUTED} strokeWidth={1} strokeDasharray="2 3" />}
        {geometry.past && <path d={geometry.past} fill="none" stroke={LINE} strokeWidth={2} strokeLinejoin="round" />}
        {geometry.future && <path d={geometry.future} fill="none" stroke={LINE} strokeWidth={2} strokeDasharray="5 4" opacity={0.7} />}
        {geometry.resets.map((reset) => (
          <circle key={reset.at} cx={reset.x} cy={reset.y} r={5} fill={RESET} stroke="var(--mantine-color-body)" strokeWidth={1.5} data-testid="score-reset">
            <title>{t('lifecycle.score.points.reset', { source: story.resets.find((entry) => entry.at === reset.at)?.source.name ?? '' })} · {date(reset.at)}</title>
          </circle>
        ))}
        {geometry.current && <circle cx={geometry.current.x} cy={geometry.current.y} r={4} fill={LINE} data-testid="score-now" />}
      </svg>
      <Group gap="md" mt={4}>
        <Swatch color={LINE} label={t('lifecycle.score.legend.past')} />
        <Swatch color={LINE} dashed label={t('lifecycle.score.legend.forecast')} />
        <Swatch color={REVOKE} dashed label={t('lifecycle.score.legend.revoke')} />
        <Swatch color={RESET} dot label={t('lifecycle.score.legend.reset')} />
        <Swatch color={MUTED} dashed label={t('lifecycle.score.legend.now')} />
      </Group>
      <VisuallyHidden>
        <Table data-testid="score-points">
          <caption>{t('lifecycle.score.table.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lifecycle.score.table.when')}</Table.Th>
              <Table.Th>{t('lifecycle.score.table.score')}</Table.Th>
              <Table.Th>{t('lifecycle.score.table.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((point) => (
              <Table.Tr key={`${point.at}-${point.what}`}>
                <Table.Td>{date(point.at)}</Table.Td>
                <Table.Td>{Math.round(point.score)}</Table.Td>
                <Table.Td>{point.what}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </figure>
  );
}
