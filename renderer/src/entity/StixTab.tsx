/** The STIX JSON tab (issue 15): the object exactly as stored, the one place its raw id is shown. */
import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JsonObject } from '../../../core/stix/model/properties.ts';

export function StixTab({ stix }: { stix: JsonObject }) {
  const { t } = useTranslation();
  const json = JSON.stringify(stix, null, 2);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('entity.stix.hint')}
        </Text>
        <CopyButton value={json}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? t('entity.stix.copied') : t('entity.stix.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ maxHeight: '70vh', overflow: 'auto' }} data-testid="entity-stix">
        {json}
      </Code>
    </Stack>
  );
}
