/**
 * "Possible duplicates" (issue 17, point 4): for one type, the groups of objects that share
 * a name, an alias or an external id (case and width folded), each with a merge action.
 */
import { Alert, Badge, Button, Card, Group, Modal, ScrollArea, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { useTypeName } from '../knowledge/TypeLabel.tsx';
import { MergeDialog } from './MergeDialog.tsx';

export function DuplicatesView({ types, initialType, onClose }: { types: readonly string[]; initialType: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [type, setType] = useState<string | null>(initialType ?? types[0] ?? null);
  const [merging, setMerging] = useState<string[] | null>(null);
  const found = useKbQuery(() => (type ? knowledgeBase().possibleDuplicates({ type }) : Promise.resolve(null)), [type]);
  const groups = found.data?.groups ?? [];
  return (
    <>
      <Modal opened={merging === null} onClose={onClose} size="xl" title={t('merge.duplicatesTitle')} data-testid="duplicates-view">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('merge.duplicatesIntro')}
          </Text>
          <Select label={t('merge.duplicatesType')} data={types.map((value) => ({ value, label: typeName(value) }))} value={type} onChange={setType} allowDeselect={false} searchable data-testid="duplicates-type" />
          {found.error && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
              {found.error.message}
            </Alert>
          )}
          {found.data && groups.length === 0 && type && (
            <Text size="sm" data-testid="duplicates-none">
              {t('merge.duplicatesNone', { type: typeName(type) })}
            </Text>
          )}
          {found.data && found.data.total > groups.length && <Text size="sm">{t('merge.duplicatesMore', { shown: groups.length, total: found.data.total })}</Text>}
          <ScrollArea.Autosize mah="60vh">
            <Stack gap="xs">
              {groups.map((group) => (
                <Card key={group.members.map((member) => member.id).join(',')} withBorder padding="sm" data-testid="duplicate-group">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Stack gap={2}>
                      {group.members.map((member) => (
                        <Text key={member.id} size="sm">
                          {member.name}
                          {member.aliases.length > 0 ? <Text span c="dimmed" size="xs">{` (${member.aliases.join(', ')})`}</Text> : null}
                        </Text>
                      ))}
                      <Group gap={4}>
                        <Text size="xs" c="dimmed">
                          {t('merge.shared')}
                        </Text>
                        {group.shared.map((key) => (
                          <Badge key={key} size="xs" variant="light">
                            {key}
                          </Badge>
                        ))}
                      </Group>
                    </Stack>
                    <Button size="xs" variant="light" leftSection={<IconArrowMerge size={14} />} onClick={() => setMerging(group.members.map((member) => member.id))} data-testid="merge-group">
                      {t('merge.mergeGroup')}
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      </Modal>
      {merging && <MergeDialog ids={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
