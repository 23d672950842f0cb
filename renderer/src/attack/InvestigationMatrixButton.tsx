/**
 * A saved investigation's ATT&CK matrix (issue 15, point 4): what its objects relate to,
 * read from the knowledge base as the grouping it exports as, in a full-screen dialog.
 */
import { Button, Loader, Modal, Tooltip } from '@mantine/core';
import { IconGridDots } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ObjectMatrix = lazy(() => import('./ObjectMatrix.tsx'));

export function InvestigationMatrixButton({ id, name, saved }: { id: string; name: string; saved: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = (
    <Button variant="default" leftSection={<IconGridDots size={16} />} onClick={() => setOpen(true)} disabled={!saved} data-testid="investigation-matrix">
      {t('attack.open')}
    </Button>
  );
  return (
    <>
      {saved ? button : <Tooltip label={t('attack.saveFirst')}><span>{button}</span></Tooltip>}
      <Modal opened={open} onClose={() => setOpen(false)} fullScreen title={t('attack.investigationTitle', { name })}>
        {open ? (
          <Suspense fallback={<Loader size="sm" />}>
            <ObjectMatrix objectId={id} />
          </Suspense>
        ) : null}
      </Modal>
    </>
  );
}
