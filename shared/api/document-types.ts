/** What the document-settings methods return: Nơi nhận, the drafting unit and the plan document's own words. */
import type { PlanRow } from './types';

export interface DocumentSettings {
  /** "Lưu: VT, <draftingUnit>": the unit that drafts the ward's documents (its abbreviation, e.g. VHXH). */
  draftingUnit: string;
  /** The ward's saved default "Nơi nhận" lists, without the "Lưu" line. */
  reportRecipients: string[];
  planRecipients: string[];
}

export interface PlanDocumentView {
  plan: PlanRow;
  /** Kết quả thực hiện năm trước: the officer's words; empty leaves the section out. */
  previousResults: string;
  /** Mục tiêu: the officer's words; the plan's general goal (plan.generalGoal) comes first. */
  objectives: string;
  /** Giải pháp. */
  solutions: string;
  /** Tổ chức thực hiện; empty: the lines the app writes from who leads which tasks. */
  organisation: string;
  recipients: string[];
  recipientsCustom: boolean;
  draftingUnit: string;
  /** A plan without an issue date is a draft (marked DỰ THẢO, no signer's name, no date). */
  draft: boolean;
}
