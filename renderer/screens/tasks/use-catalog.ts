import type { AreaRow, DirectiveRow, PlanRow, UnitRow } from '../../../shared/api/types';
import { useApi, type Loaded } from '../../api/use-api';
import { useYear } from '../../shell/year-context';

export interface Catalog {
  areas: AreaRow[];
  units: UnitRow[];
  directives: DirectiveRow[];
  /** The plan of the year chosen in the shell: the one shown and the one new tasks go into. */
  plan: PlanRow | null;
  year: number;
}

/** The lists a task refers to, loaded together; the screen waits for all three. */
export function useCatalog(): Loaded<Catalog> {
  const { plan, year } = useYear();
  const areas = useApi('areas.list', {});
  const units = useApi('units.list', {});
  const directives = useApi('directives.list', {});
  const all = [areas, units, directives];
  const ready = areas.data && units.data && directives.data;
  return {
    data: ready ? { areas: areas.data!, units: units.data!, directives: directives.data!, plan, year } : undefined,
    error: all.find((l) => l.error)?.error,
    loading: all.some((l) => l.loading),
    reload: () => all.forEach((l) => l.error && l.reload()),
  };
}
