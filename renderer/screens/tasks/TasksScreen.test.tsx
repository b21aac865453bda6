// @vitest-environment jsdom
/**
 * The task screen on the demo ward, through the real API: the status filter and a search typed
 * without diacritics narrow the list to what the core finds; recording progress in the open task
 * loads the drawer, its history and the list again, with nothing on the screen asked to reload.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { inProcessWard, type InProcessWard } from '../../../test/support/in-process-api';
import { InShell, renderWard } from '../../../test/renderer/render';
import TasksScreen from './TasksScreen';

let ward: InProcessWard;
afterEach(() => {
  cleanup();
  ward?.close();
});

async function demo() {
  ward = inProcessWard({ demo: true });
  const status = (await ward.ok('app.status', {})).value;
  return { profile: status.profile!, year: (await ward.ok('plans.list', {})).value[0]!.year };
}

const shownTasks = () => screen.queryAllByTestId('task-open').map((a) => a.textContent);

it('filters by status from the address, then by a search typed without diacritics', async () => {
  const { profile, year } = await demo();
  const overdue = (await ward.ok('tasks.list', { status: 'overdue', planYear: year })).value;
  const all = (await ward.ok('tasks.list', { planYear: year })).value;
  expect(overdue.length).toBeGreaterThan(1);
  expect(overdue.length).toBeLessThan(all.length);

  renderWard(
    <InShell profile={profile}>
      <TasksScreen params={{ status: 'overdue' }} />
    </InShell>,
    ward.bridge,
  );
  await waitFor(() => expect(shownTasks()).toEqual(overdue.map((t) => t.content)));

  const found = (await ward.ok('tasks.list', { status: 'overdue', planYear: year, search: 'ha tang' })).value;
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThan(overdue.length);
  expect(found.every((t) => /hạ tầng/i.test(t.content))).toBe(true);
  fireEvent.change(screen.getByLabelText('Tìm nhiệm vụ'), { target: { value: 'ha tang' } });
  await waitFor(() => expect(shownTasks()).toEqual(found.map((t) => t.content)));
});

it('a progress update refreshes the open task, its history and the list, and leaves the other lists alone', async () => {
  const { profile, year } = await demo();
  const task = (await ward.ok('tasks.list', { planYear: year })).value.find((t) => t.status === 'not_started')!;
  renderWard(
    <InShell profile={profile}>
      <TasksScreen params={{ task: task.id }} />
    </InShell>,
    ward.bridge,
  );
  const drawer = await screen.findByRole('dialog');
  await within(drawer).findByText('Chưa có lần cập nhật tiến độ nào.');
  const history = () => within(within(drawer).getByTestId('task-history'));
  await within(drawer).findByTestId('task-history');
  expect(history().queryByText('Cập nhật tiến độ')).toBeNull();
  await waitFor(() => expect(shownTasks().length).toBeGreaterThan(0));

  ward.calls.length = 0;
  fireEvent.change(within(drawer).getByLabelText('Tiến độ (%)'), { target: { value: '40' } });
  fireEvent.click(within(drawer).getByRole('button', { name: 'Lưu cập nhật' }));

  await within(drawer).findByTestId('progress-entry');
  expect(within(drawer).getByTestId('progress-entry').textContent).toContain('40%');
  await waitFor(() => expect(history().getByText('Cập nhật tiến độ')).toBeTruthy());
  expect(ward.calls).toEqual(expect.arrayContaining(['tasks.progress', 'tasks.get', 'tasks.history', 'tasks.list']));
  for (const untouched of ['units.list', 'areas.list', 'directives.list', 'plans.list'] as const) expect(ward.calls).not.toContain(untouched);
});
