/**
 * Export: the whole knowledge base, a search result or a chosen object (a report with its
 * contents) as a STIX 2.1 bundle, with the closure it needs, the relationships around it,
 * and a maximum TLP. main writes the file where the analyst chooses.
 */
import { Alert, Button, Card, Checkbox, CloseButton, Code, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconEye, IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TlpLevel } from '../../../core/stix/markings.ts';
import { invoke } from '../ipc/client.ts';
import { knowledgeBase } from '../kb/client.ts';
import { PageHeader } from '../pages/PageHeader.tsx';
import { useExportStore } from './exportStore.ts';
import { TaxiiPublishCard } from './TaxiiPublishCard.tsx';

const tlpLevels: TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

type NotExported = readonly { what: string; count: number; reason: string }[];
type Outcome = { kind: 'saved'; path: string; count: number; withheld: string | null; withheldRelationships: number; leftOut: string | null; notExported: NotExported } | { kind: 'cancelled' } | { kind: 'nothing' } | { kind: 'failed'; message: string };

type Format = 'stix' | 'csv' | 'txt' | 'misp' | 'misp-feed';
const formats: readonly Format[] = ['stix', 'csv', 'txt', 'misp', 'misp-feed'];
/** A MISP feed is a folder: its name has no extension. */
const extensions: Record<Format, string> = { stix: '.json', csv: '.csv', txt: '.txt', misp: '.misp.json', 'misp-feed': '' };
/** How much of the file the preview shows. */
const PREVIEW_LINES = 12;

function fileName(format: Format): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `magpie-${format === 'misp-feed' ? 'misp-feed' : 'export'}-${stamp}${extensions[format]}`;
}

/** What a MISP export could not hold (issue 20): each kind, how many, and why, in the analyst's language. */
function NotExportedList({ items }: { items: NotExported }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} mt={4} data-testid="export-not-exported">
      <Text size="sm" fw={500}>
        {t('exports.notExported.title')}
      </Text>
      {items.map((item) => (
        <Text size="sm" key={`${item.what}|${item.reason}`} data-testid="export-not-exported-item">
          {t('exports.notExported.item', { count: item.count, what: item.what, why: t(`exports.notExported.reasons.${item.reason}`, { defaultValue: item.reason }) })}
        </Text>
      ))}
    </Stack>
  );
}

export function ExportPage() {
  const { t } = useTranslation();
  const scope = useExportStore((state) => state.scope);
  const setScope = useExportStore((state) => state.setScope);
  const [mode, setMode] = useState<'all' | 'search'>('all');
  const [query, setQuery] = useState('');
  const [closure, setClosure] = useState(true);
  const [depth, setDepth] = useState('0');
  const [maxTlp, setMaxTlp] = useState<TlpLevel | null>('amber');
  const [strip, setStrip] = useState(true);
  const [format, setFormat] = useState<Format>('stix');
  const [separator, setSeparator] = useState<';' | ','>(';');
  const [bom, setBom] = useState(false);
  const [defang, setDefang] = useState(false);
  const [includeLeftOut, setIncludeLeftOut] = useState(false);
  const [preview, setPreview] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const build = async (as: Format = format) => {
    let ids: string[] | undefined;
    if (scope) ids = scope.ids;
    else if (mode === 'search') ids = (await knowledgeBase().search({ query, limit: 500 })).map((hit) => hit.id);
    return knowledgeBase().exportBundle({
      ...(ids ? { ids } : {}),
      includeClosure: closure,
      includeContents: scope?.includeContents ?? false,
      ...(scope?.investigationId ? { investigationId: scope.investigationId } : {}),
      relationshipDepth: Number(depth),
      ...(maxTlp ? { maxTlp } : {}),
      stripMagpieProperties: strip,
      format: as,
      formatOptions: { separator, bom, defang },
      // Issue 21: blocklists, CSV and MISP leave stale and benign values out unless asked.
      leaveOut: as !== 'stix' && !includeLeftOut,
    });
  };

  const withheldNote = (byLevel: Partial<Record<TlpLevel, number>>): string | null => {
    const withheldCount = Object.values(byLevel).reduce((sum, count) => sum + count, 0);
    return withheldCount > 0 ? t('exports.withheld', { count: withheldCount, tlp: `TLP:${(maxTlp ?? '').toUpperCase()}`, detail: Object.entries(byLevel).map(([level, count]) => `TLP:${level.toUpperCase()} ${count}`).join(', ') }) : null;
  };

  const leftOutNote = (result: { leftOut: Record<'revoked' | 'expired' | 'warninglisted', number>; leftOutValues: number }): string | null => {
    const { revoked, expired, warninglisted } = result.leftOut;
    const total = revoked + expired + warninglisted + result.leftOutValues;
    return total > 0 ? t('exports.leftOut', { count: total, revoked, expired, warninglisted: warninglisted + result.leftOutValues }) : null;
  };

  /** What a STIX export would write, as objects: the TAXII publish sends exactly these. */
  const collectStix = async () => {
    const result = await build('stix');
    return { objects: (JSON.parse(result.bundle) as { objects: Record<string, unknown>[] }).objects, withheld: withheldNote(result.withheld) };
  };

  const showPreview = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      const result = await build();
      setPreview(result.bundle.replace(/^\uFEFF/, '').split('\n').slice(0, PREVIEW_LINES).join('\n'));
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(false);
    }
  };

  const run = async () => {
    setRunning(true);
    setOutcome(null);
    try {
      const result = await build();
      const withheld = withheldNote(result.withheld);
      if (result.exported === 0) {
        const leftOut = leftOutNote(result);
        setOutcome(withheld || leftOut || result.notExported.length > 0 ? { kind: 'saved', path: '', count: 0, withheld, withheldRelationships: result.withheldRelationships, leftOut, notExported: result.notExported } : { kind: 'nothing' });
        return;
      }
      const saved = result.files === undefined
        ? await invoke('file:save', { suggestedName: fileName(format), content: result.bundle })
        : await invoke('file:save-folder', { suggestedName: fileName(format), files: result.files.map((file) => ({ name: file.name, content: file.text })) });
      setOutcome(saved.saved && saved.path ? { kind: 'saved', path: saved.path, count: result.exported, withheld, withheldRelationships: result.withheldRelationships, leftOut: leftOutNote(result), notExported: result.notExported } : { kind: 'cancelled' });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setRunning(false);
    }
  };

  return (
    <>
      <PageHeader title={t('pages.export.title')} description={t('pages.export.description')} />
      <Stack maw={760} gap="lg">
        <Card withBorder radius="lg" padding="lg">
          <Stack gap="md">
            <Text fw={600}>{t('exports.scope')}</Text>
            {scope ? (
              <Group justify="space-between" data-testid="export-scope">
                <Text>{scope.label}</Text>
                <CloseButton onClick={() => setScope(null)} aria-label={t('imports.cancel')} />
              </Group>
            ) : (
              <>
                <SegmentedControl value={mode} onChange={(value) => setMode(value === 'search' ? 'search' : 'all')} data={(['all', 'search'] as const).map((value) => ({ value, label: t(`exports.scopes.${value}`) }))} />
                {mode === 'search' && <TextInput label={t('exports.searchLabel')} value={query} onChange={(event) => setQuery(event.currentTarget.value)} data-testid="export-query" />}
              </>
            )}
            <Checkbox label={t('exports.closure')} checked={closure} onChange={(event) => setClosure(event.currentTarget.checked)} />
            <Select
              label={t('exports.depth')}
              value={depth}
              onChange={(value) => setDepth(value ?? '0')}
              data={[{ value: '0', label: t('exports.depthNone') }, { value: '1', label: '1' }, { value: '2', label: '2' }]}
              allowDeselect={false}
            />
            <Select
              label={t('exports.maxTlp')}
              value={maxTlp}
              onChange={(value) => setMaxTlp(value)}
              data={tlpLevels.map((level) => ({ value: level, label: `TLP:${level.toUpperCase()}` }))}
              clearable
              placeholder={t('kb.anyTlp')}
              data-testid="export-max-tlp"
            />
            <Checkbox label={t('exports.strip')} checked={strip} onChange={(event) => setStrip(event.currentTarget.checked)} />
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('exports.format')}
              </Text>
              <SegmentedControl value={format} onChange={(value) => { setFormat(value); setPreview(null); }} data={formats.map((value) => ({ value, label: t(`exports.formats.${value}`) }))} data-testid="export-format" />
              {format === 'csv' && (
                <Group gap="lg">
                  <SegmentedControl size="xs" value={separator} onChange={(value) => setSeparator(value === ',' ? ',' : ';')} data={[{ value: ';', label: t('exports.separatorSemicolon') }, { value: ',', label: t('exports.separatorComma') }]} />
                  <Checkbox label={t('exports.bom')} checked={bom} onChange={(event) => setBom(event.currentTarget.checked)} />
                </Group>
              )}
              {format === 'txt' && <Checkbox label={t('exports.defang')} checked={defang} onChange={(event) => setDefang(event.currentTarget.checked)} />}
              {format !== 'stix' && <Checkbox label={t('exports.includeLeftOut')} checked={includeLeftOut} onChange={(event) => setIncludeLeftOut(event.currentTarget.checked)} data-testid="export-include-left-out" />}
              <Text size="xs" c="dimmed">
                {t(`exports.formatHints.${format}`)}
              </Text>
            </Stack>
            <Group>
              <Button leftSection={<IconFileExport size={16} />} onClick={() => void run()} loading={running} disabled={!scope && mode === 'search' && query.trim() === ''} data-testid="run-export">
                {t('exports.run')}
              </Button>
              <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void showPreview()} disabled={running || (!scope && mode === 'search' && query.trim() === '')} data-testid="export-preview-button">
                {t('exports.preview')}
              </Button>
            </Group>
            {preview !== null && (
              <Stack gap={4}>
                <Text size="xs" c="dimmed">
                  {t('exports.previewCaption', { count: PREVIEW_LINES })}
                </Text>
                <Code block style={{ maxHeight: 300, overflow: 'auto', whiteSpace: 'pre' }} data-testid="export-preview">
                  {preview || t('exports.previewEmpty')}
                </Code>
              </Stack>
            )}
          </Stack>
        </Card>
        {outcome?.kind === 'saved' && (
          <Alert color={outcome.withheld ? 'orange' : 'green'} icon={outcome.withheld ? <IconAlertTriangle size={18} /> : <IconCheck size={18} />} data-testid="export-outcome">
            {outcome.count > 0 && <Text size="sm">{t('exports.done', { count: outcome.count, path: outcome.path })}</Text>}
            {outcome.withheld && <Text size="sm">{outcome.withheld}</Text>}
            {outcome.withheldRelationships > 0 && <Text size="sm">{t('exports.withheldRelationships', { count: outcome.withheldRelationships })}</Text>}
            {outcome.leftOut && <Text size="sm" data-testid="export-left-out">{outcome.leftOut}</Text>}
            {outcome.notExported.length > 0 && <NotExportedList items={outcome.notExported} />}
          </Alert>
        )}
        {outcome?.kind === 'cancelled' && <Alert color="gray">{t('exports.cancelled')}</Alert>}
        <TaxiiPublishCard collect={collectStix} disabled={running || (!scope && mode === 'search' && query.trim() === '')} />
        {outcome?.kind === 'nothing' && <Alert color="gray">{t('exports.nothing')}</Alert>}
        {outcome?.kind === 'failed' && (
          <Alert color="red" role="alert">
            {t('exports.failed', { message: outcome.message })}
          </Alert>
        )}
      </Stack>
    </>
  );
}
