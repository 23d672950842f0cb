/**
 * An object's Overview tab (issue 15): what an analyst reads first (type, TLP, confidence,
 * labels, author by name, dates, markings), the description with its citations as links,
 * then every other property, references by name.
 */
import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntrusionSet, Report } from '../../../core/stix/model/types.ts';
import type { ObjectDetail } from '../kb/queries/detail.ts';
import { citationsOf, type ExternalReference } from '../knowledge/citations.ts';
import { ObjectRef } from '../knowledge/ObjectRef.tsx';
import { TlpBadge } from '../knowledge/TlpBadge.tsx';
import { TypeLabel } from '../knowledge/TypeLabel.tsx';
import { IndicatorScore } from '../lifecycle/IndicatorScore.tsx';
import { PropertiesTable } from './PropertiesTable.tsx';
import { RefList } from './RefList.tsx';

// The Markdown renderer is large; it loads the first time a description is shown.
const Markdown = lazy(() => import('../knowledge/Markdown.tsx').then((module) => ({ default: module.Markdown })));

/** Shown in the facts above or on their own tab; the table lists the rest. */
const SHOWN_ELSEWHERE = new Set([
  'type', 'id', 'spec_version', 'name', 'description', 'external_references', 'created', 'modified', 'created_by_ref',
  'object_marking_refs', 'labels', 'confidence', 'aliases', 'published', 'revoked',
]);
const CONTENTS_KEY = 'object_refs';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function OverviewTab({ detail, date, hasContentsTab }: { detail: ObjectDetail; date: (value: string) => string; hasContentsTab: boolean }) {
  const { t } = useTranslation();
  // Read through the typed model: the SDO common properties every entity page shows.
  const stix = detail.stix as IntrusionSet & Partial<Pick<Report, 'published'>>;
  const { summary } = detail;
  const description = typeof stix.description === 'string' ? stix.description : '';
  const references: ExternalReference[] = Array.isArray(stix.external_references) ? stix.external_references : [];
  const markings = strings(stix.object_marking_refs);
  const aliases = strings(stix.aliases);
  const hidden = new Set(SHOWN_ELSEWHERE);
  if (hasContentsTab) hidden.add(CONTENTS_KEY);
  const none = (text: string) => (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );

  return (
    <Stack gap="lg" data-testid="entity-overview">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
        <Fact label={t('entity.facts.type')}>
          <TypeLabel type={summary.type} />
        </Fact>
        <Fact label={t('kb.columns.tlp')}>{summary.tlp ? <TlpBadge level={summary.tlp} /> : none(t('entity.facts.noTlp'))}</Fact>
        <Fact label={t('entity.facts.confidence')}>{summary.confidence !== null ? <Text size="sm">{summary.confidence}</Text> : none(t('entity.facts.noConfidence'))}</Fact>
        <Fact label={t('entity.facts.author')}>{typeof stix.created_by_ref === 'string' ? <ObjectRef id={stix.created_by_ref} /> : none(t('entity.facts.noAuthor'))}</Fact>
        <Fact label={t('entity.facts.created')}>{summary.created ? <Text size="sm">{date(summary.created)}</Text> : none('—')}</Fact>
        <Fact label={t('entity.facts.modified')}>
          <Text size="sm">{date(summary.modified)}</Text>
        </Fact>
        {typeof stix.published === 'string' && (
          <Fact label={t('entity.facts.published')}>
            <Text size="sm">{date(stix.published)}</Text>
          </Fact>
        )}
        <Fact label={t('entity.facts.labels')}>
          {summary.labels.length > 0 ? (
            <Group gap={4}>
              {summary.labels.map((label) => (
                <Badge key={label} variant="light" radius="sm" tt="none">
                  {label}
                </Badge>
              ))}
            </Group>
          ) : (
            none(t('entity.facts.noLabels'))
          )}
        </Fact>
        {markings.length > 0 && (
          <Fact label={t('entity.facts.markings')}>
            <RefList ids={markings} inline />
          </Fact>
        )}
        {aliases.length > 0 && (
          <Fact label={t('entity.facts.aliases')}>
            <Text size="sm" style={{ wordBreak: 'break-word' }}>
              {aliases.join(', ')}
            </Text>
          </Fact>
        )}
      </SimpleGrid>
      {/* Issue 21, point 2: an indicator's score over time, with its resets. */}
      {summary.type === 'indicator' && <IndicatorScore id={summary.id} stix={detail.stix} />}
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('kb.detail.description')}
        </Title>
        {description ? (
          <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text>}>
            <Markdown text={description} citations={citationsOf(references)} />
          </Suspense>
        ) : (
          none(t('kb.detail.noDescription'))
        )}
      </div>
      <div>
        <Title order={3} size="h5" mb="xs">
          {t('entity.facts.otherProperties')}
        </Title>
        <PropertiesTable stix={detail.stix} hidden={hidden} />
      </div>
    </Stack>
  );
}
