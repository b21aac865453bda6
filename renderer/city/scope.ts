/** What every city screen is told by the shell: the period and group chosen, the overview, and the user's role. */
import type { CityOverview } from '../../shared/api/contract-city';

export interface Scope {
  period: string;
  group: string | undefined;
  overview: CityOverview;
  isAdmin: boolean;
}
