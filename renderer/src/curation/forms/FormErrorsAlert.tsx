/** What stopped a save: how many problems, and those that belong to no one field. */
import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FormErrors } from './useFormErrors.ts';

export function FormErrorsAlert({ errors }: { errors: FormErrors | null }) {
  const { t } = useTranslation();
  if (!errors || errors.count === 0) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-errors">
      {t('curation.form.fixErrors', { count: errors.count })}
      {errors.general.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Alert>
  );
}
