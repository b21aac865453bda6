// @vitest-environment jsdom
/**
 * The query cache against the real API: a change made on the page reloads what ./changes says it
 * touched and nothing else; a refused change reloads nothing and keeps its message for the form;
 * a restored backup reloads every answer on the screen.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { inProcessWard, type InProcessWard } from '../../test/support/in-process-api';
import { renderWard } from '../../test/renderer/render';
import { call } from './client';
import { useAction, useApi } from './use-api';
import { FormError } from '../components/FormError';

let ward: InProcessWard;
afterEach(() => {
  cleanup();
  ward?.close();
});

/** Two lists on screen, and one change the test names. */
function Probe({ change }: { change: () => Promise<unknown> }) {
  const units = useApi('units.list', {});
  const directives = useApi('directives.list', {});
  const action = useAction(change);
  return (
    <>
      <FormError error={action.error} onClose={action.clearError} />
      <output data-testid="units">{units.data?.map((u) => u.code).join(',')}</output>
      <output data-testid="directives">{directives.data?.length}</output>
      <button onClick={() => void action.run()}>change</button>
    </>
  );
}

const units = () => screen.getByTestId('units').textContent!.split(',');
const loaded = () => waitFor(() => expect(screen.getByTestId('directives').textContent).not.toBe(''));

it('adding a unit reloads the units and leaves the directives alone', async () => {
  ward = inProcessWard({ demo: true });
  renderWard(<Probe change={() => call('units.add', { code: 'TEST', name: 'Tổ thử nghiệm' })} />, ward.bridge);
  await loaded();
  expect(units()).not.toContain('TEST');
  ward.calls.length = 0;
  fireEvent.click(screen.getByText('change'));
  await waitFor(() => expect(units()).toContain('TEST'));
  expect(ward.calls).toEqual(['units.add', 'units.list']);
});

it('a refused change shows why in Vietnamese and reloads nothing', async () => {
  ward = inProcessWard({ demo: true });
  const taken = (await ward.ok('units.list', {})).value[0]!.code;
  renderWard(<Probe change={() => call('units.add', { code: taken, name: 'Trùng mã' })} />, ward.bridge);
  await loaded();
  const before = units();
  ward.calls.length = 0;
  fireEvent.click(screen.getByText('change'));
  expect(await screen.findByText(`Đơn vị mã "${taken}" đã có. Dùng mã khác hoặc sửa đơn vị hiện có.`)).toBeTruthy();
  expect(ward.calls).toEqual(['units.add']);
  expect(units()).toEqual(before);
});

it('restoring a backup reloads every answer on the screen', async () => {
  ward = inProcessWard({ demo: true });
  const backup = (await ward.ok('backup.create', {})).value.path;
  // Changed after the backup by another host (the command line), so the page has not seen it yet.
  await ward.ok('units.add', { code: 'LATER', name: 'Thêm sau bản sao lưu' });
  renderWard(<Probe change={() => call('backup.restore', { path: backup, confirm: true })} />, ward.bridge);
  await loaded();
  expect(units()).toContain('LATER');
  ward.calls.length = 0;
  fireEvent.click(screen.getByText('change'));
  await waitFor(() => expect(units()).not.toContain('LATER'));
  await waitFor(() => expect(ward.calls).toEqual(expect.arrayContaining(['backup.restore', 'units.list', 'directives.list'])));
});
