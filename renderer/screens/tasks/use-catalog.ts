import type { AreaRow, DirectiveRow, PlanRow, UnitRow } from '../../../shared/api/types';
import { useApi, type Loaded } from '../../api/use-api';

export interface Catalog {
  areas: AreaRow[];
  units: UnitRow[];
  directives: DirectiveRow[];
  /** The plan new tasks go into: the latest year's. */
  plan: PlanRow | null;
}

/** The lists a task refers to, loaded together; the screen waits for all four. */
export function useCatalog(): Loaded<Catalog> {
  const areas = useApi('areas.list', {});
  const units = useApi('units.list', {});
  const directives = useApi('directives.list', {});
  const plans = useApi('plans.list', {});
  const all = [areas, units, directives, plans];
  const ready = areas.data && units.data && directives.data && plans.data;
  return {
    data: ready ? { areas: areas.data!, units: units.data!, directives: directives.data!, plan: plans.data![0] ?? null } : undefined,
    error: all.find((l) => l.error)?.error,
    loading: all.some((l) => l.loading),
    reload: () => all.forEach((l) => l.error && l.reload()),
  };
}
