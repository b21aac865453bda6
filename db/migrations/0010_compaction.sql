-- The latest version of each row the city has acknowledged, moved out of the change log by compaction
-- (db/sync/compact.ts). data is null while the row in its table is that very version.
CREATE TABLE `change_log_acked` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`seq` integer NOT NULL,
	`data` text,
	PRIMARY KEY(`table_name`, `row_id`)
) WITHOUT ROWID;
