/**
 * The form for one STIX type, generated from its property table (formModel.ts): required
 * fields marked, open vocabularies suggested, closed ones chosen, timestamps picked,
 * references searched by name, an indicator's pattern checked as it is typed.
 */
import { Autocomplete, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TLP_ORDER } from '../../../../core/stix/markings.ts';
import { typeOfId } from '../../../../core/stix/model/identifier.ts';
import { relationshipTypesFor } from '../../../../core/stix/model/sros.ts';
import { DescriptionField } from './fields/DescriptionField.tsx';
import { RefField } from './fields/RefField.tsx';
import { HashesField } from './fields/HashesField.tsx';
import { PatternField } from './fields/PatternField.tsx';
import { RowsField } from './fields/RowsField.tsx';
import { TimestampField } from './fields/TimestampField.tsx';
import { fieldsFor, type FieldSpec, type FormValue, type FormValues } from './formModel.ts';

/** A property's name in the analyst's language (the STIX name where none is written). */
export function usePropertyLabel(): (key: string) => string {
  const { t, i18n } = useTranslation();
  return (key) => (i18n.exists(`stixProperties.${key}`) ? t(`stixProperties.${key}` as 'stixProperties.name') : key);
}

const strings = (value: FormValue | undefined): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : typeof value === 'string' ? [value] : []);
const text = (value: FormValue | undefined): string => (typeof value === 'string' ? value : '');

interface ObjectFormProps {
  type: string;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  onChange: (key: string, value: FormValue) => void;
}

export function ObjectForm({ type, values, errors, onChange }: ObjectFormProps) {
  const { t } = useTranslation();
  const label = usePropertyLabel();
  const fields = fieldsFor(type);

  const control = (field: FieldSpec) => {
    const common = { label: label(field.key), required: field.required, error: errors[field.key], 'data-testid': `field-${field.key}` };
    const value = values[field.key];
    const set = (next: FormValue) => onChange(field.key, next);
    const { control: c } = field;
    if (type === 'relationship' && field.key === 'relationship_type') {
      const [source, target] = [typeOfId(values['source_ref']), typeOfId(values['target_ref'])];
      const choices = source && target ? relationshipTypesFor(source, target) : [];
      return <Select {...common} data={choices} value={text(value) || null} onChange={set} disabled={choices.length === 0} description={choices.length === 0 ? t('curation.form.chooseEndsFirst') : t('investigate.relationshipTypeHint', { count: choices.length })} searchable allowDeselect={false} />;
    }
    if (type === 'indicator' && field.key === 'pattern') {
      return <PatternField {...common} testId={common['data-testid']} patternType={typeof values['pattern_type'] === 'string' ? values['pattern_type'] : null} value={text(value)} onChange={set} />;
    }
    if (field.key === 'description') {
      return <DescriptionField {...common} testId={common['data-testid']} value={text(value)} onChange={set} />;
    }
    switch (c.kind) {
      case 'text':
        return c.multiline ? <Textarea {...common} autosize minRows={2} maxRows={10} value={text(value)} onChange={(event) => set(event.currentTarget.value)} /> : <TextInput {...common} value={text(value)} onChange={(event) => set(event.currentTarget.value)} />;
      case 'number':
        return <NumberInput {...common} min={c.min} max={c.max} allowDecimal={!c.integer} value={typeof value === 'number' ? value : ''} onChange={(next) => set(typeof next === 'number' ? next : null)} />;
      case 'boolean':
        return <Switch label={common.label} data-testid={common['data-testid']} checked={value === true} onChange={(event) => set(event.currentTarget.checked)} mt="md" />;
      case 'timestamp':
        return <TimestampField {...common} testId={common['data-testid']} value={typeof value === 'string' ? value : null} onChange={set} />;
      case 'choice':
        if (c.multiple) return c.open ? <TagsInput {...common} data={[...c.values]} value={strings(value)} onChange={set} /> : <MultiSelect {...common} data={[...c.values]} value={strings(value)} onChange={set} />;
        return c.open ? <Autocomplete {...common} data={[...c.values]} value={text(value)} onChange={set} /> : <Select {...common} data={[...c.values]} value={text(value) || null} onChange={set} />;
      case 'tags':
        return <TagsInput {...common} value={strings(value)} onChange={set} description={t('curation.form.tagsHint')} />;
      case 'ref':
        return <RefField {...common} testId={common['data-testid']} targets={c.targets} multiple={c.multiple} value={strings(value)} onChange={(ids) => set(c.multiple ? ids : (ids[0] ?? null))} />;
      case 'hashes':
        return <HashesField {...common} testId={common['data-testid']} value={value && typeof value === 'object' && !Array.isArray(value) ? value : {}} onChange={set} />;
      case 'rows':
        return <RowsField {...common} testId={common['data-testid']} columns={c.columns} columnLabel={label} value={Array.isArray(value) ? (value as Record<string, string>[]) : []} onChange={set} />;
      case 'tlp':
        return <Select {...common} label={t('curation.form.tlp')} data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))} value={text(value) || null} onChange={set} clearable placeholder={t('curation.form.noTlp')} />;
    }
  };

  const wide = (field: FieldSpec) => field.control.kind === 'rows' || field.control.kind === 'hashes' || (field.control.kind === 'text' && field.control.multiline) || field.control.kind === 'ref';
  return (
    <Stack gap="sm" data-testid="object-form" data-type={type}>
      <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
        {fields.map((field) => (
          <div key={field.key} style={wide(field) ? { gridColumn: '1 / -1' } : undefined}>
            {control(field)}
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
