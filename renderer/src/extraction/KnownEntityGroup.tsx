/**
 * The review's "Known threats and entities" group (issue 16, point 2): objects of the
 * knowledge base named in the document, each with a checkbox (ticked by the rule of
 * core/extract/entityNames/rules.ts), its type, the text as written, and a button that
 * opens where it appears. Text is rendered as React text, never as HTML.
 */
import { Badge, Checkbox, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityMatch } from '../../../core/extract/entityNames/types.ts';
import { TypeIcon } from '../knowledge/TypeLabel.tsx';

interface Props {
  entities: readonly EntityMatch[];
  selected: ReadonlySet<string>;
  locked: boolean;
  onToggle: (id: string) => void;
  onSetMany: (ids: readonly string[], selected: boolean) => void;
}

function EntityRow({ entity, checked, locked, onToggle }: { entity: EntityMatch; checked: boolean; locked: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const first = entity.occurrences[0];
  const contextsId = `known-entity-${entity.id}`;
  return (
    <div data-testid="known-entity-row" data-id={entity.id} data-type={entity.type} data-selected={checked}>
      <Group gap="xs" wrap="nowrap">
        <Checkbox checked={checked} disabled={locked} onChange={onToggle} aria-label={t('knownEntities.keep', { name: entity.name })} size="xs" />
        <TypeIcon type={entity.type} size={16} />
        <UnstyledButton onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={contextsId} aria-label={t('knownEntities.showWhere', { name: entity.name })} style={{ flex: 1, minWidth: 0, borderRadius: 4, padding: '1px 4px' }}>
          <Text size="sm" truncate="end" c={checked ? undefined : 'dimmed'}>
            {entity.name}
            {entity.value !== entity.name && (
              <Text span size="xs" c="dimmed">
                {' '}
                {t('knownEntities.asWritten', { value: entity.value })}
              </Text>
            )}
          </Text>
        </UnstyledButton>
        <Badge size="xs" variant="outline" color="gray">
          {t(`knownEntities.types.${entity.type}`)}
        </Badge>
        {entity.reason !== 'distinctive' && (
          <Tooltip label={t(entity.reason === 'ambiguous' ? 'knownEntities.ambiguousWhy' : 'knownEntities.repeated')} multiline maw={320} withArrow>
            <Badge size="xs" variant="light" color="orange" tabIndex={0} data-testid="known-entity-ambiguous">
              {t('knownEntities.ambiguous')}
            </Badge>
          </Tooltip>
        )}
        {first && (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {t('knownEntities.page', { page: first.page })}
            {entity.occurrenceCount > 1 ? ` ×${entity.occurrenceCount}` : ''}
          </Text>
        )}
      </Group>
      {open && (
        <Stack gap={2} pl={44} id={contextsId} data-testid="known-entity-contexts">
          <Text size="xs" c="dimmed">
            {t('knownEntities.aliases', { names: entity.matchedNames.join(', ') })} · {t('knownEntities.occurrences', { count: entity.occurrenceCount })}
          </Text>
          {entity.occurrences.map((occurrence) => (
            <Text key={`${occurrence.page}:${occurrence.offset}`} size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>
              {t('knownEntities.page', { page: occurrence.page })}: {occurrence.context}
            </Text>
          ))}
        </Stack>
      )}
    </div>
  );
}

export function KnownEntityGroup({ entities, selected, locked, onToggle, onSetMany }: Props) {
  const { t } = useTranslation();
  if (entities.length === 0) return null;
  const ids = entities.map((entity) => entity.id);
  const ticked = ids.filter((id) => selected.has(id)).length;
  return (
    <section aria-label={t('knownEntities.title')} data-testid="known-entities">
      <Group gap="xs" mb={4}>
        <Checkbox
          checked={ticked === ids.length}
          indeterminate={ticked > 0 && ticked < ids.length}
          disabled={locked}
          onChange={() => onSetMany(ids, ticked < ids.length)}
          aria-label={t('knownEntities.selectAll')}
        />
        <Text fw={600} size="sm">
          {t('knownEntities.title')}
        </Text>
        <Badge size="sm" variant="light" color="gray">
          {ticked} / {ids.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" pl="lg" mb={4}>
        {t('knownEntities.help')}
      </Text>
      <Stack gap={2} pl="lg">
        {entities.map((entity) => (
          <EntityRow key={entity.id} entity={entity} checked={selected.has(entity.id)} locked={locked} onToggle={() => onToggle(entity.id)} />
        ))}
      </Stack>
    </section>
  );
}
