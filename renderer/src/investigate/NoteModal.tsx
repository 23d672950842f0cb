/** A note or an opinion about the selected nodes, written to the knowledge base and drawn as a node pointing at them. */
import { Modal, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { knowledgeBase, notifyKnowledgeChanged } from '../kb/client.ts';
import { useInvestigationStore } from './investigationStore.ts';
import { useAction } from '../app/useAction.ts';
import { DialogActions } from './DialogActions.tsx';

const opinions = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'] as const;
type OpinionValue = (typeof opinions)[number];

export function NoteModal({ objectIds, onClose }: { objectIds: readonly string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const addObjects = useInvestigationStore((state) => state.addObjects);
  const [kind, setKind] = useState<'note' | 'opinion'>('note');
  const [abstract, setAbstract] = useState('');
  const [content, setContent] = useState('');
  const [opinion, setOpinion] = useState<OpinionValue>('agree');
  const { run, busy: saving, error } = useAction();
  const valid = kind === 'opinion' || content.trim().length > 0;

  const create = () =>
    run(async () => {
      const objectRefs = [...objectIds];
      const created =
        kind === 'note'
          ? await knowledgeBase().createNote({ objectRefs, content: content.trim(), ...(abstract.trim() ? { abstract: abstract.trim() } : {}) })
          : await knowledgeBase().createOpinion({ objectRefs, opinion, ...(content.trim() ? { explanation: content.trim() } : {}) });
      notifyKnowledgeChanged();
      await addObjects([created.id]);
      onClose();
    });

  return (
    <Modal opened onClose={onClose} title={t('investigate.noteTitle', { count: objectIds.length })} size="lg">
      <Stack gap="sm" data-testid="note-modal">
        <SegmentedControl
          value={kind}
          onChange={(value) => setKind(value)}
          data={[
            { value: 'note', label: t('investigate.noteKind') },
            { value: 'opinion', label: t('investigate.opinionKind') },
          ]}
        />
        {kind === 'note' ? (
          <TextInput label={t('investigate.noteAbstract')} value={abstract} onChange={(event) => setAbstract(event.currentTarget.value)} />
        ) : (
          <Select label={t('investigate.opinion')} data={opinions.map((value) => ({ value, label: t(`investigate.opinions.${value}`) }))} value={opinion} onChange={(value) => value && setOpinion(value)} allowDeselect={false} />
        )}
        <Textarea
          label={kind === 'note' ? t('investigate.noteContent') : t('investigate.opinionExplanation')}
          required={kind === 'note'}
          value={content}
          onChange={(event) => setContent(event.currentTarget.value)}
          autosize
          minRows={4}
          maxRows={12}
          data-testid="note-content"
        />
        <DialogActions
          error={error}
          busy={saving}
          disabled={!valid}
          label={kind === 'note' ? t('investigate.createNote') : t('investigate.createOpinion')}
          testId="note-create"
          onCancel={onClose}
          onConfirm={() => void create()}
        />
      </Stack>
    </Modal>
  );
}
