/** Above the matrix: the domain, which paths count, the comparison, sub-techniques, and the layer files. */
import { Button, Checkbox, FileButton, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileExport, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AttackDomain } from '../../../core/attack/domains.ts';
import type { PathKind } from '../../../core/attack/relatedTechniques.ts';
import { ComparePicker } from './ComparePicker.tsx';

export const OPTIONAL_KINDS: readonly PathKind[] = ['software', 'report', 'contents'];

interface Props {
  objectId: string;
  domains: { domain: AttackDomain; count: number }[];
  domain: AttackDomain;
  onDomain: (domain: AttackDomain) => void;
  kinds: ReadonlySet<PathKind>;
  onKinds: (kinds: Set<PathKind>) => void;
  container: boolean;
  compareId: string | null;
  onCompare: (id: string | null) => void;
  allExpanded: boolean;
  onExpandAll: (expand: boolean) => void;
  onExport: () => void;
  exporting: boolean;
  onImport: (file: File | null) => void;
}

export function MatrixToolbar(props: Props) {
  const { t } = useTranslation();
  const shownKinds = OPTIONAL_KINDS.filter((kind) => (props.container ? kind === 'contents' : kind !== 'contents'));
  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          data-testid="matrix-domain"
          aria-label={t('attack.domainLabel')}
          value={props.domain}
          onChange={props.onDomain}
          data={props.domains.map(({ domain, count }) => ({ value: domain, label: t('attack.domainCount', { domain: t(`attack.domains.${domain}`), count }) }))}
        />
        <ComparePicker value={props.compareId} exclude={props.objectId} onChange={props.onCompare} />
        <Button variant="default" size="sm" onClick={() => props.onExpandAll(!props.allExpanded)} data-testid="matrix-expand-all">
          {props.allExpanded ? t('attack.collapseAll') : t('attack.expandAll')}
        </Button>
        <Button size="sm" leftSection={<IconFileExport size={16} />} onClick={props.onExport} loading={props.exporting} data-testid="matrix-export-layer">
          {t('attack.exportLayer')}
        </Button>
        <FileButton onChange={props.onImport} accept=".json,application/json" inputProps={{ ...({ 'data-testid': 'matrix-layer-file' } as object) }}>
          {(button) => (
            <Button {...button} size="sm" variant="default" leftSection={<IconFileImport size={16} />} data-testid="matrix-import-layer">
              {t('attack.importLayer')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Group gap="md">
        <Text size="sm" c="dimmed">{t('attack.through')}</Text>
        {shownKinds.map((kind) => (
          <Checkbox
            key={kind}
            size="xs"
            data-testid={`matrix-kind-${kind}`}
            label={t(`attack.kinds.${kind}`)}
            checked={props.kinds.has(kind)}
            onChange={(event) => {
              const next = new Set(props.kinds);
              if (event.currentTarget.checked) next.add(kind);
              else next.delete(kind);
              props.onKinds(next);
            }}
          />
        ))}
      </Group>
    </Stack>
  );
}
