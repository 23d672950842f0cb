/**
 * A connector's settings form, drawn from the JSON Schema main derives from its zod
 * schema: a field per property, typed by the schema (text, URL, number, switch, choice,
 * list), secrets as password fields that never show the stored value.
 */
import { Button, Group, NumberInput, PasswordInput, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { connectorText } from './connectorTextJa.ts';

interface FieldSchema {
  type?: string;
  title?: string;
  description?: string;
  secret?: boolean;
  widget?: string;
  enum?: unknown[];
  items?: { type?: string };
  default?: unknown;
}

type Values = Record<string, unknown>;

function fieldsOf(schema: Record<string, unknown>): [string, FieldSchema][] {
  const properties = schema['properties'];
  return typeof properties === 'object' && properties !== null ? Object.entries(properties as Record<string, FieldSchema>) : [];
}

/** A secret's current state comes as `{ set: boolean }`; the form holds a new value or nothing. */
function isSecretState(value: unknown): value is { set: boolean } {
  return typeof value === 'object' && value !== null && 'set' in value;
}

export interface ConfigFormProps {
  connectorId: string;
  schema: Record<string, unknown>;
  config: Values;
  /** Left out for connectors that run on demand (enrichment): no schedule field then. */
  schedule?: string;
  onSave: (config: Values, schedule: string) => Promise<void>;
}

export function ConfigForm({ connectorId, schema, config, schedule, onSave }: ConfigFormProps) {
  const { t, i18n } = useTranslation();
  const fields = fieldsOf(schema);
  const [values, setValues] = useState<Values>(() => Object.fromEntries(fields.filter(([name]) => !isSecretState(config[name])).map(([name]) => [name, config[name]])));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [every, setEvery] = useState(schedule ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (name: string, value: unknown) => setValues((current) => ({ ...current, [name]: value }));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      // Secrets left empty keep their stored value: only typed ones are sent.
      const typedSecrets = Object.fromEntries(Object.entries(secrets).filter(([, value]) => value !== ''));
      await onSave({ ...values, ...typedSecrets }, every.trim());
      setSecrets({});
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm" data-testid={`connector-form-${connectorId}`}>
      {fields.map(([name, field]) => {
        const label = connectorText(field.title, i18n.language) ?? name;
        const id = `${connectorId}-${name}`;
        const common = { label, description: connectorText(field.description, i18n.language), id, 'data-field': name };
        const current = config[name];
        if (field.secret === true || isSecretState(current)) {
          const stored = isSecretState(current) && current.set;
          return (
            <PasswordInput
              key={name}
              {...common}
              placeholder={stored ? t('connectors.secretSet') : t('connectors.secretUnset')}
              value={secrets[name] ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setSecrets((currentSecrets) => ({ ...currentSecrets, [name]: value }));
              }}
              autoComplete="off"
            />
          );
        }
        if (field.type === 'boolean') {
          return <Switch key={name} {...common} checked={values[name] === true} onChange={(event) => set(name, event.currentTarget.checked)} />;
        }
        if (field.enum) {
          return <Select key={name} {...common} data={field.enum.map(String)} value={typeof values[name] === 'string' ? (values[name]) : null} onChange={(value) => set(name, value)} allowDeselect={false} />;
        }
        if (field.type === 'number' || field.type === 'integer') {
          return <NumberInput key={name} {...common} value={typeof values[name] === 'number' ? (values[name]) : ''} onChange={(value) => set(name, typeof value === 'number' ? value : undefined)} />;
        }
        if (field.type === 'array') {
          const list = Array.isArray(values[name]) ? (values[name] as unknown[]).map(String) : [];
          return (
            <Textarea
              key={name}
              {...common}
              description={connectorText(field.description, i18n.language) ?? t('connectors.onePerLine')}
              autosize
              minRows={2}
              value={list.join('\n')}
              onChange={(event) => set(name, event.currentTarget.value.split('\n').map((line) => line.trim()).filter((line) => line !== ''))}
            />
          );
        }
        return <TextInput key={name} {...common} value={typeof values[name] === 'string' ? (values[name]) : ''} onChange={(event) => set(name, event.currentTarget.value === '' ? undefined : event.currentTarget.value)} />;
      })}
      {schedule !== undefined && <TextInput label={t('connectors.schedule')} description={t('connectors.scheduleHelp')} value={every} onChange={(event) => setEvery(event.currentTarget.value)} data-field="schedule" />}
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <Group>
        <Button onClick={() => void save()} loading={saving} data-testid={`connector-save-${connectorId}`}>
          {t('connectors.save')}
        </Button>
      </Group>
    </Stack>
  );
}
