// @vitest-environment jsdom
/**
 * Entering an indicator's figures on the demo ward, through the real API: a numerator above its
 * denominator is refused under the field in Vietnamese with what was typed kept and nothing
 * written; a valid pair closes the dialog and the table shows the new ratio.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { inProcessWard, type InProcessWard } from '../../../test/support/in-process-api';
import { InShell, renderWard } from '../../../test/renderer/render';
import IndicatorsScreen from './IndicatorsScreen';

let ward: InProcessWard;
afterEach(() => {
  cleanup();
  ward?.close();
});

it('refuses 12 of 10, keeps what was typed, then saves 8 of 10 and shows 80%', async () => {
  ward = inProcessWard({ demo: true });
  const profile = (await ward.ok('app.status', {})).value.profile!;
  const history = async () => (await ward.ok('indicators.history', { code: 'CQ-09' })).value.length;
  const before = await history();
  renderWard(
    <InShell profile={profile}>
      <IndicatorsScreen params={{ code: 'CQ-09' }} />
    </InShell>,
    ward.bridge,
  );
  const dialog = await screen.findByRole('dialog');
  const numerator = within(dialog).getByLabelText('Số hồ sơ thủ tục hành chính xử lý trực tuyến');
  const denominator = within(dialog).getByLabelText('Tổng số hồ sơ thủ tục hành chính tiếp nhận');

  fireEvent.change(numerator, { target: { value: '12' } });
  fireEvent.change(denominator, { target: { value: '10' } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
  expect((await within(dialog).findByTestId('value-error')).textContent).toBe('Tử số (12) lớn hơn mẫu số (10). Kiểm tra lại hai số đã nhập.');
  expect((numerator as HTMLInputElement).value).toBe('12');
  expect(await history()).toBe(before);

  ward.calls.length = 0;
  fireEvent.change(numerator, { target: { value: '8' } });
  await waitFor(() => expect(within(dialog).getByTestId('live-value').textContent).toBe('80%'));
  fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() => expect(screen.getByTestId('value-CQ-09').textContent).toContain('80%'));
  expect(await history()).toBe(before + 1);
  expect(ward.calls).toEqual(expect.arrayContaining(['values.set', 'indicators.list']));
});
