/**
 * An indicator's pattern, checked as it is typed by the same parser the validator uses
 * (core/stix/pattern), with where the error is: the column and the text from there.
 */
import { Code, Text, Textarea } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { parsePattern } from '../../../../../core/stix/pattern/parse.ts';

interface PatternFieldProps {
  label: string;
  required: boolean;
  error?: string | undefined;
  patternType: string | null;
  value: string;
  onChange: (pattern: string) => void;
  testId: string;
}

export function patternProblem(pattern: string): { message: string; offset: number } | null {
  if (pattern.trim() === '') return null;
  const parsed = parsePattern(pattern);
  return parsed.ok ? null : parsed.error;
}

export function PatternField({ label, required, error, patternType, value, onChange, testId }: PatternFieldProps) {
  const { t } = useTranslation();
  // Only STIX patterns have a grammar here; Sigma, YARA, Snort… are stored as typed.
  const problem = useMemo(() => (patternType === 'stix' ? patternProblem(value) : null), [patternType, value]);
  const live = problem ? (
    <span data-testid="pattern-error">
      {t('curation.form.patternError', { column: problem.offset + 1, message: problem.message.replace(/\.$/, '') })}{' '}
      <Code>{value.slice(problem.offset, problem.offset + 40) || t('curation.form.patternEnd')}</Code>
    </span>
  ) : undefined;
  return (
    <>
      <Textarea label={label} required={required} autosize minRows={2} maxRows={8} ff="monospace" value={value} onChange={(event) => onChange(event.currentTarget.value)} error={live ?? error} data-testid={testId} spellCheck={false} />
      {!problem && patternType === 'stix' && value.trim() !== '' && (
        <Text size="xs" c="teal" data-testid="pattern-ok">
          {t('curation.form.patternOk')}
        </Text>
      )}
    </>
  );
}
