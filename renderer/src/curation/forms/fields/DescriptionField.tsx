/** A description in Markdown, with the preview the detail view will show (same renderer). */
import { Group, Input, Paper, Switch, Text, Textarea } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const Markdown = lazy(() => import('../../../knowledge/Markdown.tsx').then((module) => ({ default: module.Markdown })));

interface DescriptionFieldProps {
  label: string;
  required: boolean;
  error?: string | undefined;
  value: string;
  onChange: (text: string) => void;
  testId: string;
}

export function DescriptionField({ label, required, error, value, onChange, testId }: DescriptionFieldProps) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState(false);
  const toggle = <Switch size="xs" label={t('curation.form.markdownPreview')} checked={preview} onChange={(event) => setPreview(event.currentTarget.checked)} />;
  if (!preview) {
    return <Textarea label={<Group gap="md" component="span">{label}{toggle}</Group>} required={required} error={error} autosize minRows={3} maxRows={12} value={value} onChange={(event) => onChange(event.currentTarget.value)} data-testid={testId} />;
  }
  return (
    <Input.Wrapper label={<Group gap="md" component="span">{label}{toggle}</Group>} error={error}>
      <Paper withBorder p="sm" mt={4} data-testid={`${testId}-preview`}>
        <Suspense fallback={<Text style={{ whiteSpace: 'pre-wrap' }}>{value}</Text>}>
          <Markdown text={value} />
        </Suspense>
      </Paper>
    </Input.Wrapper>
  );
}
