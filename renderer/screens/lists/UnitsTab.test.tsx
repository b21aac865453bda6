// @vitest-environment jsdom
/**
 * The units list on the demo ward, through the real API: a code already taken is refused in the
 * dialog with what was typed kept; a new one closes the dialog and appears in the table.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { inProcessWard, type InProcessWard } from '../../../test/support/in-process-api';
import { InShell, renderWard } from '../../../test/renderer/render';
import { UnitsTab } from './UnitsTab';

let ward: InProcessWard;
afterEach(() => {
  cleanup();
  ward?.close();
});

it('refuses a taken code in the dialog, then adds a new unit to the table', async () => {
  ward = inProcessWard({ demo: true });
  const taken = (await ward.ok('units.list', {})).value[0]!;
  const count = async () => (await ward.ok('units.list', {})).value.length;
  const before = await count();
  const profile = (await ward.ok('app.status', {})).value.profile!;
  renderWard(
    <InShell profile={profile}>
      <UnitsTab />
    </InShell>,
    ward.bridge,
  );
  const table = await screen.findByTestId('units');
  await within(table).findByText(taken.name);

  fireEvent.click(screen.getByTestId('units-add'));
  const dialog = await screen.findByRole('dialog');
  const code = within(dialog).getByLabelText('Mã');
  fireEvent.change(code, { target: { value: taken.code } });
  fireEvent.change(within(dialog).getByLabelText('Tên đơn vị'), { target: { value: 'Tổ công nghệ số cộng đồng' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
  await within(dialog).findByText(`Đơn vị mã "${taken.code}" đã có. Dùng mã khác hoặc sửa đơn vị hiện có.`);
  expect((code as HTMLInputElement).value).toBe(taken.code);
  expect(await count()).toBe(before);

  fireEvent.change(code, { target: { value: 'TCNS' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await within(table).findByText('Tổ công nghệ số cộng đồng');
  expect(await count()).toBe(before + 1);
});
