/**
 * Adds or changes a stream consumer: its target (webhook, syslog, Splunk HEC), what it
 * passes on (types, labels, confidence, TLP, indicators only) and, for a new one, where
 * in the change feed it starts. main checks the settings; its refusal is shown as worded.
 */
import { Alert, Button, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Select, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsumerSummaryView } from '../../../core/ipc/streamChannels.ts';
import { TLP_ORDER } from '../../../core/stix/markings.ts';
import type { StreamFilter } from '../../../core/streams/filter.ts';
import { invoke } from '../ipc/client.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useStreamStore } from './streamStore.ts';
import { TARGET_KINDS, targetFields, type TargetKind } from './targetFields.ts';

type Values = Record<string, string | number | boolean>;

function initialValues(consumer: ConsumerSummaryView | null): Values {
  const values: Values = {};
  if (!consumer) return { kind: 'webhook' };
  for (const [name, value] of Object.entries(consumer.target)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[name] = value;
    // Headers travel as a record and are edited one per line.
    else if (name === 'headers' && value !== null && typeof value === 'object') values[name] = Object.entries(value).map(([header, text]) => `${header}: ${String(text)}`).join('\n');
  }
  return values;
}

function toTarget(values: Values): Record<string, unknown> {
  const kind = values['kind'] as TargetKind;
  const target: Record<string, unknown> = { kind };
  for (const field of targetFields[kind]) {
    // What the form shows for an untouched choice or switch is what is sent.
    const value = values[field.name] ?? (field.widget === 'choice' ? field.choices?.[0] : field.widget === 'switch' ? (field.defaultOn ?? false) : undefined);
    if (value === undefined || value === '') continue;
    if (field.widget === 'headers' && typeof value === 'string') {
      target[field.name] = Object.fromEntries(
        value
          .split('\n')
          .map((line) => line.split(/:(.*)/s).map((part) => part.trim()))
          .filter(([header]) => header !== undefined && header !== '')
          .map(([header, text]) => [header, text ?? '']),
      );
    } else target[field.name] = value;
  }
  return target;
}

export function ConsumerForm({ consumer, onClose }: { consumer: ConsumerSummaryView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(consumer?.name ?? '');
  const [values, setValues] = useState<Values>(() => initialValues(consumer));
  const [filter, setFilter] = useState<StreamFilter>(consumer?.filter ?? { types: [], labels: [], minConfidence: null, maxTlp: 'amber', indicatorsOnly: false });
  const [startFrom, setStartFrom] = useState<'now' | 'beginning'>('now');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = (values['kind'] ?? 'webhook') as TargetKind;
  const set = (field: string, value: string | number | boolean) => setValues((current) => ({ ...current, [field]: value }));

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const input = { name, target: toTarget(values), filter };
      const saved = consumer
        ? await invoke('stream:update', { id: consumer.id, consumer: input })
        : await invoke('stream:create', { consumer: input, startFrom, head: (await knowledgeBase().changeHead({})).head });
      useStreamStore.getState().replace(saved);
      onClose();
    } catch (reason) {
      setError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={consumer ? t('streams.editTitle', { name: consumer.name }) : t('streams.addTitle')}>
      <Stack gap="sm" data-testid="consumer-form">
        <TextInput label={t('streams.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus data-testid="consumer-name" />
        <SegmentedControl
          value={kind}
          disabled={consumer !== null}
          onChange={(value) => setValues({ kind: value })}
          data={TARGET_KINDS.map((value) => ({ value, label: t(`streams.kinds.${value}`) }))}
          data-testid="consumer-kind"
        />
        {targetFields[kind].map((field) => {
          const label = t(`streams.fields.${field.name}`);
          const value = values[field.name];
          const testId = `consumer-field-${field.name}`;
          if (field.widget === 'secret')
            return <PasswordInput key={field.name} label={label} description={consumer ? t('streams.secretKept') : undefined} value={typeof value === 'string' ? value : ''} onChange={(event) => set(field.name, event.currentTarget.value)} data-testid={testId} />;
          if (field.widget === 'number')
            return <NumberInput key={field.name} label={label} required={field.required} value={typeof value === 'number' ? value : ''} min={1} max={65535} onChange={(next) => set(field.name, typeof next === 'number' ? next : '')} data-testid={testId} />;
          if (field.widget === 'choice')
            return <Select key={field.name} label={label} data={field.choices ?? []} value={typeof value === 'string' ? value : (field.choices?.[0] ?? null)} allowDeselect={false} onChange={(next) => set(field.name, next ?? '')} data-testid={testId} />;
          if (field.widget === 'switch')
            return <Switch key={field.name} label={label} description={field.name === 'sendLeftOut' ? t('streams.sendLeftOutHelp') : undefined} checked={typeof value === 'boolean' ? value : (field.defaultOn ?? false)} onChange={(event) => set(field.name, event.currentTarget.checked)} data-testid={testId} />;
          if (field.widget === 'headers' || field.widget === 'pem')
            return <Textarea key={field.name} label={label} description={field.widget === 'headers' ? (consumer ? `${t('streams.headersHelp')} ${t('streams.secretKept')}` : t('streams.headersHelp')) : undefined} autosize minRows={2} maxRows={8} value={typeof value === 'string' ? value : ''} onChange={(event) => set(field.name, event.currentTarget.value)} data-testid={testId} />;
          return <TextInput key={field.name} label={label} required={field.required} value={typeof value === 'string' ? value : ''} onChange={(event) => set(field.name, event.currentTarget.value)} data-testid={testId} />;
        })}

        <Text fw={600} size="sm" mt="sm">
          {t('streams.filterTitle')}
        </Text>
        <TagsInput label={t('streams.filterTypes')} description={t('streams.filterTypesHelp')} value={filter.types} onChange={(types) => setFilter({ ...filter, types })} />
        <TagsInput label={t('streams.filterLabels')} description={t('streams.filterLabelsHelp')} value={filter.labels} onChange={(labels) => setFilter({ ...filter, labels })} />
        <Group grow>
          <NumberInput label={t('streams.minConfidence')} description={t('streams.minConfidenceHelp')} min={0} max={100} value={filter.minConfidence ?? ''} onChange={(next) => setFilter({ ...filter, minConfidence: typeof next === 'number' ? next : null })} />
          <Select
            label={t('streams.maxTlp')}
            description={t('streams.maxTlpHelp')}
            allowDeselect={false}
            data={TLP_ORDER.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
            value={filter.maxTlp}
            onChange={(next) => setFilter({ ...filter, maxTlp: next ?? 'amber' })}
            data-testid="consumer-max-tlp"
          />
        </Group>
        <Switch label={t('streams.indicatorsOnly')} checked={filter.indicatorsOnly} onChange={(event) => setFilter({ ...filter, indicatorsOnly: event.currentTarget.checked })} />
        {!consumer && (
          <SegmentedControl
            value={startFrom}
            onChange={(next) => setStartFrom(next === 'beginning' ? 'beginning' : 'now')}
            data={[
              { value: 'now', label: t('streams.startNow') },
              { value: 'beginning', label: t('streams.startBeginning') },
            ]}
            data-testid="consumer-start"
          />
        )}
        {!consumer && (
          <Text size="xs" c="dimmed">
            {t('streams.startHelp')}
          </Text>
        )}
        {error && (
          <Alert color="red" data-testid="consumer-form-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('streams.cancel')}
          </Button>
          <Button loading={saving} disabled={name.trim() === ''} onClick={() => void save()} data-testid="consumer-save">
            {t('streams.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
