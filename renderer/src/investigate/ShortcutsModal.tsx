/** The workbench's keyboard shortcuts, as a table the analyst can open with "?". */
import { Group, Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const shortcuts: [string[], string][] = [
  [['E'], 'expand'],
  [['C'], 'collapse'],
  [['H'], 'hide'],
  [['Shift', 'H'], 'showAllShort'],
  [['P'], 'pin'],
  [['Del'], 'remove'],
  [['R'], 'relate'],
  [['N'], 'note'],
  [['O'], 'newObject'],
  [['L'], 'layoutAgain'],
  [['F'], 'fit'],
  [['V'], 'modePan'],
  [['B'], 'modeBox'],
  [['Shift', 'L'], 'modeLasso'],
  [['Ctrl', 'A'], 'selectAll'],
  [['Ctrl', 'Z'], 'undo'],
  [['Ctrl', 'Shift', 'Z'], 'redo'],
  [['Ctrl', 'S'], 'save'],
  [['Ctrl', 'Shift', 'L'], 'lookupList'],
];

export function ShortcutsModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={t('investigate.shortcuts')}>
      <Table>
        <Table.Tbody>
          {shortcuts.map(([keys, action]) => (
            <Table.Tr key={action}>
              <Table.Td>
                <Group gap={4}>
                  {keys.map((key) => (
                    <Kbd key={key}>{key}</Kbd>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(`investigate.${action}` as 'investigate.expand', { count: 0 })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
