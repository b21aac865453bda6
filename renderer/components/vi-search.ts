import { foldVi } from '../../shared/rules/search-fold';

/** Select search that finds "Chính quyền số" when "chinh quyen" is typed, like the task search. */
export const viSearch = {
  filterOption: (input: string, option?: { label?: unknown }) => foldVi(String(option?.label ?? '')).includes(foldVi(input)),
};
