/**
 * Settings → Indicator lifetimes (issue 21, point 2): the decay model's lifetime per type,
 * revoke score and speed, each with its default and the reason for it, saved in the
 * knowledge base (kb/lifecycle/decaySettings.ts) where extraction, feeds and the expiry
 * pass read them.
 */
import { Alert, Button, Group, Loader, NumberInput, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DECAY_TYPES, DEFAULT_DECAY, decaySettings, reliabilityWeight, type DecayType } from '../../../core/lifecycle/decay.ts';
import { useAction } from '../app/useAction.ts';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { fieldsOf, parseFields, type FieldError, type FieldKey, type LifetimeFields } from './lifetimesForm.ts';
import { SettingsCard } from '../settings/SettingsCard.tsx';

const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'];

interface RowProps {
  field: FieldKey;
  label: string;
  why: string;
  defaultValue: number;
  value: number | string;
  error: FieldError | undefined;
  suffix?: string;
  decimals?: boolean;
  onChange: (value: number | string) => void;
}

function SettingRow({ field, label, why, defaultValue, value, error, suffix, decimals = false, onChange }: RowProps) {
  const { t } = useTranslation();
  const id = `lifetime-${field}`;
  return (
    <Table.Tr>
      <Table.Td w={180} style={{ verticalAlign: 'top' }}>
        <Text size="sm" fw={500} component="label" htmlFor={id}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td w={140} style={{ verticalAlign: 'top' }}>
        <NumberInput
          id={id}
          data-testid={id}
          size="xs"
          value={value}
          onChange={onChange}
          allowDecimal={decimals}
          allowNegative={false}
          clampBehavior="none"
          {...(suffix ? { suffix: ` ${suffix}` } : {})}
          error={error ? t(`lifecycle.lifetimes.errors.${error}`) : undefined}
          aria-describedby={`${id}-why`}
        />
      </Table.Td>
      <Table.Td style={{ verticalAlign: 'top' }}>
        <Text size="xs" c="dimmed" id={`${id}-why`}>
          {t('lifecycle.lifetimes.defaultIs', { value: suffix ? `${defaultValue} ${suffix}` : defaultValue, why })}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

function LifetimesForm({ initial }: { initial: LifetimeFields }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<FieldKey, FieldError>>>({});
  const [status, setStatus] = useState<'saved' | 'resetDone' | null>(null);
  const action = useAction();
  const set = (field: FieldKey) => (value: number | string) => {
    setFields((current) => ({ ...current, [field]: value }));
    setStatus(null);
  };
  const save = () => {
    const parsed = parseFields(fields);
    setStatus(null);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    void action.run(async () => {
      const result = await knowledgeBase().setDecaySettings({ overrides: parsed.overrides });
      setFields(fieldsOf(result.settings));
      setStatus('saved');
    });
  };
  const reset = () => {
    setErrors({});
    setStatus(null);
    void action.run(async () => {
      await knowledgeBase().setDecaySettings({ overrides: {} });
      setFields(fieldsOf(DEFAULT_DECAY));
      setStatus('resetDone');
    });
  };
  const days = t('lifecycle.lifetimes.days');
  const weights = GRADES.map((grade) => `${grade} ×${reliabilityWeight(grade)}`).join(', ');
  const invalid = Object.keys(errors).length > 0;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <Stack gap="sm">
        <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
          <Table.Tbody>
            {DECAY_TYPES.map((type: DecayType) => (
              <SettingRow key={type} field={type} label={t(`lifecycle.lifetimes.types.${type}`)} why={t(`lifecycle.lifetimes.why.${type}`)} defaultValue={DEFAULT_DECAY.lifetimeDays[type]} value={fields[type]} error={errors[type]} suffix={days} onChange={set(type)} />
            ))}
            <SettingRow field="revokeScore" label={t('lifecycle.lifetimes.revokeScore')} why={t('lifecycle.lifetimes.revokeWhy')} defaultValue={DEFAULT_DECAY.revokeScore} value={fields.revokeScore} error={errors.revokeScore} onChange={set('revokeScore')} />
            <SettingRow field="speed" label={t('lifecycle.lifetimes.speed')} why={t('lifecycle.lifetimes.speedWhy')} defaultValue={DEFAULT_DECAY.speed} value={fields.speed} error={errors.speed} decimals onChange={set('speed')} />
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {t('lifecycle.lifetimes.baseRules', { weights })}
        </Text>
        <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} p="xs">
          <Text size="xs">{t('lifecycle.lifetimes.appliesTo')}</Text>
        </Alert>
        {invalid && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" p="xs" data-testid="lifetimes-invalid">
            {t('lifecycle.lifetimes.errors.summary')}
          </Alert>
        )}
        {action.error !== null && (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" p="xs">
            {action.error}
          </Alert>
        )}
        <Group gap="sm">
          <Button type="submit" size="xs" loading={action.busy} data-testid="lifetimes-save">
            {t('lifecycle.lifetimes.save')}
          </Button>
          <Button type="button" size="xs" variant="default" disabled={action.busy} onClick={reset} data-testid="lifetimes-reset">
            {t('lifecycle.lifetimes.reset')}
          </Button>
          <Text size="sm" c="teal" role="status" data-testid="lifetimes-status">
            {status ? t(`lifecycle.lifetimes.${status}`) : ''}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}

export function IndicatorLifetimesCard() {
  const { t } = useTranslation();
  // Read once: a save updates the form from what the knowledge base kept.
  const stored = useKbQuery(() => knowledgeBase().getDecaySettings({}), []);
  return (
    <SettingsCard testId="lifetimes-card" title={t('lifecycle.lifetimes.title')} help={t('lifecycle.lifetimes.help')}>
      {stored.error ? (
        <Text size="sm" c="red" role="alert">
          {t('lifecycle.lifetimes.loadFailed', { message: stored.error.message })}
        </Text>
      ) : stored.data ? (
        <LifetimesForm initial={fieldsOf(decaySettings(stored.data.overrides))} />
      ) : (
        <Loader size="xs" aria-label={t('lifecycle.lifetimes.loading')} />
      )}
    </SettingsCard>
  );
}
