/** One warninglist in Settings → Warninglists: what it is, where it came from, and its switch. */
import { Badge, Button, Group, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarninglistSummary } from '../kb/warninglists/choices.ts';

interface Props {
  list: WarninglistSummary;
  busy: boolean;
  onToggle: (enabled: boolean) => void;
  onRemove: () => void;
}

export function WarninglistRow({ list, busy, onToggle, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const date = (iso: string | undefined) => (iso === undefined ? '' : new Date(iso).toLocaleDateString(i18n.language));
  const version = (value: number | undefined) => (value === undefined ? t('warninglists.unknownVersion') : String(value));
  return (
    <Group align="flex-start" wrap="nowrap" gap="md" data-testid="warninglist" data-name={list.name} data-enabled={String(list.enabled)} data-origin={list.origin}>
      <Switch
        mt={2}
        checked={list.enabled}
        disabled={busy}
        onChange={(event) => onToggle(event.currentTarget.checked)}
        aria-label={t('warninglists.switchLabel', { name: list.name })}
        data-testid="warninglist-switch"
      />
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Text fw={600} size="sm" c={list.enabled ? undefined : 'dimmed'}>
          {list.name}
        </Text>
        {list.description !== undefined && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {list.description}
          </Text>
        )}
        <Group gap={6}>
          <Tooltip label={t(`warninglists.categoryHelp.${list.category}`)} multiline maw={320} withArrow>
            <Badge size="sm" tt="none" variant="light" color={list.category === 'false-positive' ? 'teal' : 'blue'} data-testid="warninglist-category">
              {t(`warninglists.categoryBadge.${list.category}`)}
            </Badge>
          </Tooltip>
          <Badge size="sm" tt="none" variant="outline" color="gray">
            {t(`warninglists.type.${list.type}`)}
          </Badge>
          <Badge size="sm" tt="none" variant="outline" color="gray" data-testid="warninglist-entries">
            {t('warninglists.entries', { count: list.entries })}
          </Badge>
          <Badge size="sm" tt="none" variant="outline" color="gray" data-testid="warninglist-version">
            {list.version === undefined ? t('warninglists.noVersion') : t('warninglists.version', { version: list.version })}
          </Badge>
          <Text size="xs" c="dimmed">
            {list.origin === 'shipped' ? t('warninglists.licenceShipped') : t('warninglists.licenceAdded')}
          </Text>
        </Group>
        {list.origin !== 'shipped' && (
          <Group gap="xs" wrap="nowrap">
            <Text size="xs" c="orange.8" data-testid="warninglist-origin">
              {list.origin === 'copy'
                ? t('warninglists.copy', { version: version(list.version), date: date(list.addedAt), file: list.fileName ?? '', shipped: version(list.shippedVersion) })
                : t('warninglists.own', { date: date(list.addedAt), file: list.fileName ?? '' })}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              disabled={busy}
              onClick={onRemove}
              aria-label={t(list.origin === 'copy' ? 'warninglists.removeCopyLabel' : 'warninglists.removeOwnLabel', { name: list.name })}
              data-testid="warninglist-remove"
            >
              {t(list.origin === 'copy' ? 'warninglists.removeCopy' : 'warninglists.removeOwn')}
            </Button>
          </Group>
        )}
      </Stack>
    </Group>
  );
}
