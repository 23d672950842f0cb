/**
 * A reference chosen by searching the knowledge base by name (issue 17): the analyst types
 * part of a name, alias or external id and picks from what the store holds of the types
 * the property may point at. Ids already set (when editing) are shown by their names.
 */
import { MultiSelect, Select, type ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCO_TYPES, SDO_TYPES, type RefTarget } from '../../../../../core/stix/model/categories.ts';
import { knowledgeBase } from '../../../kb/client.ts';
import { useKbQuery } from '../../../kb/useKbQuery.ts';
import { useTypeName } from '../../../knowledge/TypeLabel.tsx';

/** The types a search may return for a reference's allowed targets; undefined for any. */
export function searchTypes(targets: readonly RefTarget[]): string[] | undefined {
  if (targets.includes('any')) return undefined;
  return [...new Set(targets.flatMap((target) => (target === 'sdo' ? [...SDO_TYPES] : target === 'sco' ? [...SCO_TYPES] : target === 'sro' ? ['relationship', 'sighting'] : [target])))];
}

interface RefFieldProps {
  label: string;
  description?: string;
  required: boolean;
  error?: string | undefined;
  targets: readonly RefTarget[];
  multiple: boolean;
  value: string[];
  onChange: (ids: string[]) => void;
  testId: string;
}

export function RefField({ label, description, required, error, targets, multiple, value, onChange, testId }: RefFieldProps) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 150);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const types = useMemo(() => searchTypes(targets), [targets]);

  // Names of ids set before the search was used (an edited object's references).
  const valueKey = value.join(',');
  useEffect(() => {
    const unknown = value.filter((id) => !names.has(id));
    if (unknown.length === 0) return;
    let live = true;
    void Promise.all(unknown.map(async (id) => [id, (await knowledgeBase().getObject({ id }))?.summary.name ?? id] as const)).then((found) => {
      if (live) setNames((known) => new Map([...known, ...found]));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only new ids need a name
  }, [valueKey]);

  const found = useKbQuery(() => (query ? knowledgeBase().search({ query, ...(types ? { types } : {}), limit: 30 }) : Promise.resolve([])), [query, types?.join(',')]);
  const hits = (found.data ?? []).map((row) => ({ value: row.id, label: `${row.name} · ${typeName(row.type)}` }));
  const hitNames = new Map((found.data ?? []).map((row) => [row.id, row.name] as const));

  const chosen = value.map((id) => ({ value: id, label: names.get(id) ?? hitNames.get(id) ?? id }));
  const data = [...chosen, ...hits.filter((hit) => !value.includes(hit.value))];
  const common = {
    label, description, required, error, data, searchable: true, searchValue: search, onSearchChange: setSearch,
    // The store already matched the query; Mantine's own filter would hide hits found by alias.
    filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
    nothingFoundMessage: query ? t('curation.form.noMatch') : t('curation.form.typeToSearch'),
    'data-testid': testId,
  } as const;
  return multiple ? (
    <MultiSelect {...common} value={value} onChange={onChange} />
  ) : (
    <Select {...common} value={value[0] ?? null} onChange={(id) => onChange(id ? [id] : [])} clearable />
  );
}
