/**
 * Adds or edits a published collection (issue 18, point 2): its title, what it shows (a
 * saved investigation, a report found by name, a label…), the highest TLP it lets out and
 * whether clients may post into it. main checks the whole and says what is wrong.
 */
import { Checkbox, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionView } from '../../../core/localApi/protocol.ts';
import { TLP_ORDER, type TlpLevel } from '../../../core/stix/markings.ts';
import { useAction } from '../app/useAction.ts';
import { RefField } from '../curation/forms/fields/RefField.tsx';
import { knowledgeBase } from '../kb/client.ts';
import { useKbQuery } from '../kb/useKbQuery.ts';
import { FormModal } from './parts.tsx';
import { useTaxiiServeStore, type ServedCollectionView } from './taxiiServeStore.ts';
import { tlpName, useInvestigations } from './viewSummary.tsx';

type Kind = CollectionView['kind'];
const KINDS: Kind[] = ['all', 'investigation', 'report', 'label', 'inbox'];
const REPORT: ['report'] = ['report'];

/** The id or label a view points at ('' while not chosen). */
const targetOf = (view: CollectionView | undefined): string => (view === undefined ? '' : view.kind === 'label' ? view.label : view.kind === 'investigation' || view.kind === 'report' ? view.id : '');

function viewOf(kind: Kind, target: string): CollectionView | null {
  if (kind === 'all' || kind === 'inbox') return { kind };
  if (target === '') return null;
  return kind === 'label' ? { kind, label: target } : { kind, id: target };
}

function TargetPicker({ kind, target, onChange }: { kind: Kind; target: string; onChange: (target: string) => void }) {
  const { t } = useTranslation();
  const investigations = useInvestigations();
  const labels = useKbQuery(() => (kind === 'label' ? knowledgeBase().listLabels({}) : Promise.resolve(null)), [kind]);
  if (kind === 'report') {
    return <RefField label={t('taxiiServe.collectionForm.report')} description={t('taxiiServe.collectionForm.reportHelp')} required targets={REPORT} multiple={false} value={target === '' ? [] : [target]} onChange={(chosen) => onChange(chosen[0] ?? '')} testId="taxii-collection-report" />;
  }
  if (kind === 'investigation') {
    const rows = investigations.data ?? [];
    if (investigations.data !== undefined && rows.length === 0) return <Text size="sm" c="dimmed">{t('taxiiServe.collectionForm.noInvestigations')}</Text>;
    return <Select label={t('taxiiServe.collectionForm.investigation')} required searchable data={rows.map((row) => ({ value: row.id, label: row.name }))} value={target === '' ? null : target} onChange={(id) => onChange(id ?? '')} data-testid="taxii-collection-investigation" />;
  }
  if (kind === 'label') {
    const rows = labels.data?.labels ?? [];
    if (labels.data && rows.length === 0) return <Text size="sm" c="dimmed">{t('taxiiServe.collectionForm.noLabels')}</Text>;
    // A saved label no longer on any object is still offered, so editing does not lose it.
    const data = [...new Set([...(target === '' ? [] : [target]), ...rows.map((row) => row.label)])];
    return <Select label={t('taxiiServe.collectionForm.label')} required searchable data={data} value={target === '' ? null : target} onChange={(label) => onChange(label ?? '')} data-testid="taxii-collection-label" />;
  }
  return null;
}

export function CollectionForm({ collection, onClose }: { collection: ServedCollectionView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const saveCollection = useTaxiiServeStore((state) => state.saveCollection);
  const [title, setTitle] = useState(collection?.title ?? '');
  const [description, setDescription] = useState(collection?.description ?? '');
  const [kind, setKind] = useState<Kind>(collection?.view.kind ?? 'all');
  const [target, setTarget] = useState(targetOf(collection?.view));
  const [maxTlp, setMaxTlp] = useState<TlpLevel>(collection?.maxTlp ?? 'amber');
  const [writable, setWritable] = useState(collection?.writable ?? false);
  const { run, busy: saving, error } = useAction();

  const save = () =>
    run(async () => {
      const view = viewOf(kind, target);
      if (view === null) throw new Error(t('taxiiServe.collectionForm.chooseFirst'));
      await saveCollection({ ...(collection ? { id: collection.id } : {}), title: title.trim(), description, view, maxTlp, writable });
      onClose();
    });

  return (
    <FormModal
      title={collection ? t('taxiiServe.collectionForm.editTitle') : t('taxiiServe.collectionForm.addTitle')}
      saving={saving}
      error={error}
      cancelLabel={t('taxiiServe.collectionForm.cancel')}
      submitLabel={t('taxiiServe.collectionForm.save')}
      submitTestId="taxii-collection-save"
      onSubmit={() => void save()}
      onClose={onClose}
    >
      <TextInput label={t('taxiiServe.collectionForm.name')} required data-autofocus value={title} onChange={(event) => setTitle(event.currentTarget.value)} data-testid="taxii-collection-title" />
      <Textarea label={t('taxiiServe.collectionForm.description')} description={t('taxiiServe.collectionForm.descriptionHelp')} autosize minRows={2} maxRows={5} value={description} onChange={(event) => setDescription(event.currentTarget.value)} data-testid="taxii-collection-description" />
      <Select
        label={t('taxiiServe.collectionForm.kind')}
        allowDeselect={false}
        data={KINDS.map((value) => ({ value, label: t(`taxiiServe.collectionForm.kinds.${value}`) }))}
        value={kind}
        onChange={(value) => {
          const next = KINDS.find((candidate) => candidate === value);
          if (next && next !== kind) {
            setKind(next);
            setTarget('');
            // An inbox is there to be posted to.
            if (next === 'inbox') setWritable(true);
          }
        }}
        data-testid="taxii-collection-kind"
      />
      <TargetPicker kind={kind} target={target} onChange={setTarget} />
      <Select label={t('taxiiServe.collectionForm.maxTlp')} description={t('taxiiServe.collectionForm.maxTlpHelp')} allowDeselect={false} data={TLP_ORDER.map((level) => ({ value: level, label: tlpName(level) }))} value={maxTlp} onChange={(value) => setMaxTlp(TLP_ORDER.find((level) => level === value) ?? maxTlp)} data-testid="taxii-collection-tlp" />
      <Checkbox label={t('taxiiServe.collectionForm.writable')} description={t('taxiiServe.collectionForm.writableHelp')} checked={writable} onChange={(event) => setWritable(event.currentTarget.checked)} data-testid="taxii-collection-writable" />
    </FormModal>
  );
}
