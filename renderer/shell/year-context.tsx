/**
 * The plan year the officer is looking at, chosen once in the shell and used by every screen that
 * depends on a year (tasks, indicators, reports, the overview), so earlier years stay reachable.
 */
import { Select, Typography } from 'antd';
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '../../shared/api/types';
import { useApi } from '../api/use-api';
import { AsyncView } from '../components/AsyncView';

export interface YearState {
  year: number;
  /** The plan of that year, or null when the ward has none for it yet. */
  plan: PlanRow | null;
  plans: PlanRow[];
  setYear: (year: number) => void;
}

const YearContext = createContext<YearState | null>(null);
const STORAGE_KEY = 'wardplan.year';

function storedYear(): number | null {
  try {
    const n = Number(sessionStorage.getItem(STORAGE_KEY));
    return Number.isInteger(n) && n >= 2000 ? n : null;
  } catch {
    return null;
  }
}

/** This year on Vietnam's calendar (UTC+7), whatever the computer's time zone says. */
export function thisYear(): number {
  return new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
}

export function YearProvider({ children }: { children: ReactNode }) {
  const plans = useApi('plans.list', {});
  const [chosen, setChosen] = useState<number | null>(storedYear);
  const setYear = useCallback((y: number) => {
    setChosen(y);
    try {
      sessionStorage.setItem(STORAGE_KEY, String(y));
    } catch {
      // Without storage the choice lasts until the page reloads.
    }
  }, []);
  return (
    <AsyncView state={plans}>
      {(list) => {
        const year = chosen !== null && list.some((p) => p.year === chosen) ? chosen : (list[0]?.year ?? thisYear());
        const value: YearState = { year, plan: list.find((p) => p.year === year) ?? null, plans: list, setYear };
        return <YearContext.Provider value={value}>{children}</YearContext.Provider>;
      }}
    </AsyncView>
  );
}

export function useYear(): YearState {
  const v = useContext(YearContext);
  if (!v) throw new Error('useYear outside YearProvider');
  return v;
}

export function YearSelect() {
  const { t } = useTranslation();
  const { year, plans, setYear } = useYear();
  const options = plans.map((p) => ({ value: p.year, label: String(p.year) }));
  if (!plans.some((p) => p.year === year)) options.unshift({ value: year, label: t('year.noPlan', { year }) });
  return (
    <label style={{ display: 'block', padding: '0 16px 10px' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('year.label')}
      </Typography.Text>
      <Select<number> value={year} onChange={setYear} options={options} style={{ width: '100%' }} data-testid="year-select" aria-label={t('year.label')} />
    </label>
  );
}
