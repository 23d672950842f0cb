/**
 * A STIX timestamp (RFC 3339, UTC) with a date-and-time picker. The picker works in the
 * analyst's local time; what is stored is the same instant in UTC.
 */
import { DateTimePicker } from '@mantine/dates';
import '@mantine/dates/styles.css';
import dayjs from 'dayjs';

const LOCAL = 'YYYY-MM-DD HH:mm:ss';

export function toLocal(iso: string | null): string | null {
  if (!iso) return null;
  const parsed = dayjs(iso);
  return parsed.isValid() ? parsed.format(LOCAL) : null;
}

export function toUtc(local: string | null): string | null {
  if (!local) return null;
  const parsed = dayjs(local);
  return parsed.isValid() ? parsed.toISOString() : null;
}

interface TimestampFieldProps {
  label: string;
  description?: string;
  required: boolean;
  error?: string | undefined;
  value: string | null;
  onChange: (iso: string | null) => void;
  testId: string;
}

export function TimestampField({ label, description, required, error, value, onChange, testId }: TimestampFieldProps) {
  return (
    <DateTimePicker
      label={label}
      description={description}
      required={required}
      error={error}
      withSeconds
      clearable={!required}
      valueFormat="YYYY-MM-DD HH:mm:ss"
      value={toLocal(value)}
      onChange={(local) => onChange(toUtc(local))}
      data-testid={testId}
    />
  );
}
