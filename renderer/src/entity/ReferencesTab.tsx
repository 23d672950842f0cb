/**
 * An object's external references (issue 15), numbered as the description's citations
 * link to them; a URL that is not http(s) is shown as text, never as a link.
 */
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isSafeLink, type ExternalReference } from '../knowledge/citations.ts';
import { openExternal } from '../knowledge/openExternal.ts';

export function ReferencesTab({ references }: { references: readonly ExternalReference[] }) {
  const { t } = useTranslation();
  if (references.length === 0) return <Text c="dimmed">{t('entity.references.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="entity-references">
      {references.map((reference, index) => {
        const url = reference.url;
        return (
          <Group key={index} gap="sm" wrap="nowrap" align="flex-start" id={`cite-${index + 1}`}>
            <Text size="sm" c="dimmed" w={36} style={{ flexShrink: 0 }}>
              [{index + 1}]
            </Text>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Badge variant="light" radius="sm" tt="none">
                  {reference.source_name}
                </Badge>
                {reference.external_id && (
                  <Text size="sm" fw={600}>
                    {reference.external_id}
                  </Text>
                )}
              </Group>
              {reference.description && (
                <Text size="sm" style={{ wordBreak: 'break-word' }}>
                  {reference.description}
                </Text>
              )}
              {url &&
                (isSafeLink(url) ? (
                  <Anchor
                    size="sm"
                    href={url}
                    onClick={(event) => {
                      event.preventDefault();
                      openExternal(url);
                    }}
                    title={t('kb.detail.openLink')}
                    style={{ wordBreak: 'break-all' }}
                  >
                    <IconExternalLink size={14} /> {url}
                  </Anchor>
                ) : (
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {t('entity.references.unsafeLink')} {url}
                  </Text>
                ))}
            </Stack>
          </Group>
        );
      })}
    </Stack>
  );
}
