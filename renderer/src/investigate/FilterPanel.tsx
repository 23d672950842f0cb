/**
 * Live filters over the graph: type, TLP, label, minimum confidence and a date range,
 * offered from what the graph holds (with counts). Filters hide nodes; they never take
 * anything off the investigation.
 */
import { Button, Checkbox, Group, MultiSelect, Paper, ScrollArea, Slider, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { activeFilterCount, filterFacets } from '../../../core/investigation/filters.ts';
import { noFilters, type TlpFilterLevel } from '../../../core/investigation/types.ts';
import { TypeIcon, useTypeName } from '../knowledge/TypeLabel.tsx';
import type { GraphModel } from './graphModel.ts';
import { useInvestigationStore } from './investigationStore.ts';

export function FilterPanel({ model }: { model: GraphModel }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const filters = useInvestigationStore((state) => state.filters);
  const setFilters = useInvestigationStore((state) => state.setFilters);
  const facets = useMemo(() => filterFacets([...model.nodes.values()].map((node) => node.summary)), [model]);
  const tlpName = (level: TlpFilterLevel) => (level === 'none' ? t('investigate.noTlp') : `TLP:${level.toUpperCase()}`);

  const toggle = <K extends 'types' | 'tlp'>(key: K, value: (typeof filters)[K][number]) => {
    const list = filters[key] as string[];
    const next = list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value];
    setFilters({ ...filters, [key]: next });
  };

  return (
    <Paper withBorder radius="md" p="sm" w={260} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column' }} data-testid="filter-panel">
      <Group justify="space-between" mb="xs">
        <Title order={4} size="h6">
          {t('investigate.filterTitle')}
        </Title>
        <Button size="compact-xs" variant="subtle" disabled={activeFilterCount(filters) === 0} onClick={() => setFilters(noFilters)} data-testid="filters-clear">
          {t('investigate.clearFilters')}
        </Button>
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap="md">
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('investigate.filterTypes')}
            </Text>
            {facets.types.map((facet) => (
              <Checkbox
                key={facet.value}
                size="xs"
                checked={filters.types.includes(facet.value)}
                onChange={() => toggle('types', facet.value)}
                data-testid={`filter-type-${facet.value}`}
                label={
                  <Group gap={6} wrap="nowrap">
                    <TypeIcon type={facet.value} size={16} />
                    <Text size="xs">{typeName(facet.value)}</Text>
                    <Text size="xs" c="dimmed">
                      {facet.count.toLocaleString()}
                    </Text>
                  </Group>
                }
              />
            ))}
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('investigate.filterTlp')}
            </Text>
            {facets.tlp.map((facet) => (
              <Checkbox
                key={facet.value}
                size="xs"
                checked={filters.tlp.includes(facet.value)}
                onChange={() => toggle('tlp', facet.value)}
                label={`${tlpName(facet.value)} (${facet.count.toLocaleString()})`}
                data-testid={`filter-tlp-${facet.value}`}
              />
            ))}
          </Stack>
          {facets.labels.length > 0 && (
            <MultiSelect
              size="xs"
              label={t('investigate.filterLabels')}
              data={facets.labels.map((facet) => ({ value: facet.value, label: `${facet.value} (${facet.count.toLocaleString()})` }))}
              value={filters.labels}
              onChange={(labels) => setFilters({ ...filters, labels })}
              searchable
              clearable
            />
          )}
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('investigate.filterConfidence', { value: filters.minConfidence ?? 0 })}
            </Text>
            <Slider
              size="sm"
              min={0}
              max={100}
              step={5}
              value={filters.minConfidence ?? 0}
              onChange={(value) => setFilters({ ...filters, minConfidence: value === 0 ? null : value })}
              label={(value) => String(value)}
              aria-label={t('investigate.filterConfidence', { value: filters.minConfidence ?? 0 })}
            />
          </Stack>
          <Group grow gap="xs">
            <TextInput
              size="xs"
              type="date"
              label={t('investigate.filterFrom')}
              value={filters.from ?? ''}
              onChange={(event) => setFilters({ ...filters, from: event.currentTarget.value || null })}
            />
            <TextInput
              size="xs"
              type="date"
              label={t('investigate.filterTo')}
              value={filters.to ?? ''}
              onChange={(event) => setFilters({ ...filters, to: event.currentTarget.value || null })}
            />
          </Group>
        </Stack>
      </ScrollArea>
    </Paper>
  );
}
