// @vitest-environment jsdom
/**
 * The progress form on the demo ward, through the real API: a percent outside 0–100 is refused
 * in Vietnamese before anything is sent, and a valid one is recorded on the task.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { TaskItem } from '../../../shared/api/types';
import { inProcessWard, type InProcessWard } from '../../../test/support/in-process-api';
import { renderWard } from '../../../test/renderer/render';
import { ProgressForm } from './ProgressForm';

let ward: InProcessWard;
afterEach(() => {
  cleanup();
  ward?.close();
});

async function openTask(): Promise<TaskItem> {
  const tasks = (await ward.ok('tasks.list', {})).value;
  const task = tasks.find((t) => t.recordedStatus === 'not_started');
  if (!task) throw new Error('the demo ward has no task not yet started');
  return task;
}

async function progressCount(id: string): Promise<number> {
  return (await ward.ok('tasks.get', { id })).value.progress.length;
}

it('refuses 140% in words and sends nothing; 60% is then recorded', async () => {
  ward = inProcessWard({ demo: true });
  const task = await openTask();
  const before = await progressCount(task.id);
  renderWard(<ProgressForm task={task} />, ward.bridge);

  const percent = screen.getByLabelText('Tiến độ (%)');
  fireEvent.change(percent, { target: { value: '140' } });
  fireEvent.click(screen.getByRole('button', { name: 'Lưu cập nhật' }));
  expect(await screen.findByText('Tiến độ phải là số nguyên từ 0 đến 100.')).toBeTruthy();
  expect(ward.calls).not.toContain('tasks.progress');
  expect(await progressCount(task.id)).toBe(before);

  fireEvent.change(percent, { target: { value: '60' } });
  fireEvent.click(screen.getByRole('button', { name: 'Lưu cập nhật' }));
  await waitFor(() => expect(ward.calls).toContain('tasks.progress'));
  await waitFor(async () => expect(await progressCount(task.id)).toBe(before + 1));
  const saved = (await ward.ok('tasks.get', { id: task.id })).value.progress.at(-1);
  expect(saved).toMatchObject({ percent: 60, status: 'in_progress' });
  expect(screen.queryByText('Tiến độ phải là số nguyên từ 0 đến 100.')).toBeNull();
});
