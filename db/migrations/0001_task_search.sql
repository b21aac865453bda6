-- Full-text search over tasks. The application stores text already folded (lower case, no
-- diacritics, đ as d: shared/rules/search-fold.ts) because unicode61 alone does not fold đ.
CREATE VIRTUAL TABLE `task_search` USING fts5(
	`task_id` UNINDEXED,
	`body`,
	tokenize = 'unicode61 remove_diacritics 2'
);
