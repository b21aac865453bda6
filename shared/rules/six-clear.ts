/**
 * "6 rõ": the six things every task must state before the plan is signed
 * (rõ việc, rõ người, rõ trách nhiệm, rõ thời gian, rõ sản phẩm, rõ thẩm quyền).
 */

export type SixClearKey = 'work' | 'person' | 'responsible' | 'time' | 'output' | 'authority';

export const SIX_CLEAR_KEYS: readonly SixClearKey[] = ['work', 'person', 'responsible', 'time', 'output', 'authority'];

export interface SixClearTask {
  content?: string | null;
  leadUnit?: string | null;
  person?: string | null;
  timeline?: string | null;
  deadline?: string | null;
  output?: string | null;
  authority?: string | null;
}

/**
 * Blank means nothing a reader could act on: empty, spaces only, or filler
 * such as '-', '...', '—' that Excel tables use for an empty cell.
 */
function isBlank(v: string | null | undefined): boolean {
  return typeof v !== 'string' || !/[\p{L}\p{N}]/u.test(v);
}

/**
 * The keys that are missing, in SIX_CLEAR_KEYS order. Presence only: whether
 * the timeline text is readable is parseTimeline's business, and a plan may
 * legitimately write a time the parser does not know.
 */
export function sixClearMissing(task: SixClearTask): SixClearKey[] {
  const missing = new Set<SixClearKey>();
  if (isBlank(task.content)) missing.add('work');
  if (isBlank(task.person)) missing.add('person');
  if (isBlank(task.leadUnit)) missing.add('responsible');
  // Either the timeline text or an explicit deadline makes the time clear.
  if (isBlank(task.timeline) && isBlank(task.deadline)) missing.add('time');
  if (isBlank(task.output)) missing.add('output');
  if (isBlank(task.authority)) missing.add('authority');
  return SIX_CLEAR_KEYS.filter((k) => missing.has(k));
}

const LABELS: Record<'vi' | 'en', Record<SixClearKey, string>> = {
  vi: {
    work: 'rõ việc',
    person: 'rõ người',
    responsible: 'rõ trách nhiệm',
    time: 'rõ thời gian',
    output: 'rõ sản phẩm',
    authority: 'rõ thẩm quyền',
  },
  en: {
    work: 'clear work',
    person: 'clear person',
    responsible: 'clear responsibility',
    time: 'clear time',
    output: 'clear output',
    authority: 'clear authority',
  },
};

export function sixClearLabel(key: SixClearKey, lang: 'vi' | 'en'): string {
  return LABELS[lang][key];
}

const HINTS: Record<'vi' | 'en', Record<SixClearKey, string>> = {
  vi: {
    work: 'Ghi nội dung nhiệm vụ.',
    person: 'Ghi người trực tiếp thực hiện.',
    responsible: 'Chọn đơn vị chủ trì.',
    time: 'Ghi thời gian thực hiện hoặc thời hạn hoàn thành.',
    output: 'Ghi sản phẩm đầu ra.',
    authority: 'Ghi cấp có thẩm quyền phê duyệt, nghiệm thu.',
  },
  en: {
    work: 'Write what the task is.',
    person: 'Name the person who carries it out.',
    responsible: 'Choose the lead unit.',
    time: 'Write the timeline or the deadline.',
    output: 'Write the expected output.',
    authority: 'Name who approves and accepts the result.',
  },
};

/** What to fill in to make that key clear. */
export function sixClearHint(key: SixClearKey, lang: 'vi' | 'en'): string {
  return HINTS[lang][key];
}
