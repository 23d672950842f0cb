/** Picks the second object of a comparison, searched by name as it is typed. */
import { Select } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useTypeName } from '../knowledge/TypeLabel.tsx';

const COMPARABLE = ['intrusion-set', 'threat-actor', 'campaign', 'malware', 'tool', 'report', 'grouping'];

export function ComparePicker({ value, exclude, onChange }: { value: string | null; exclude: string; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const hits = useKbQuery(() => (query.trim().length < 2 ? Promise.resolve([]) : knowledgeBase().search({ query, types: COMPARABLE, limit: 20 })), [query]);
  const options = (hits.data ?? []).filter((hit) => hit.id !== exclude).map((hit) => ({ value: hit.id, label: `${hit.name} (${typeName(hit.type)})` }));
  const data = picked && value === picked.value && !options.some((option) => option.value === picked.value) ? [picked, ...options] : options;
  return (
    <Select
      data-testid="matrix-compare"
      label={t('attack.compare')}
      placeholder={t('attack.comparePlaceholder')}
      nothingFoundMessage={query.trim().length >= 2 ? t('attack.compareNone') : undefined}
      searchable
      clearable
      filter={({ options: all }) => all}
      data={data}
      value={value}
      searchValue={query}
      onSearchChange={setQuery}
      onChange={(id, option) => {
        setPicked(id ? { value: id, label: option?.label ?? '' } : null);
        onChange(id);
      }}
      w={300}
    />
  );
}
