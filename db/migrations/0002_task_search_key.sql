CREATE TABLE `task_search_key` (
	`rid` integer PRIMARY KEY NOT NULL,
	`task_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `task_search_key_task_id_unique` ON `task_search_key` (`task_id`);--> statement-breakpoint
-- Re-key the search rows written before this table existed: same text, rowid from task_search_key.
CREATE TEMP TABLE `task_search_old` AS SELECT `task_id`, `body` FROM `task_search`;
--> statement-breakpoint
DELETE FROM `task_search`;
--> statement-breakpoint
INSERT INTO `task_search_key` (`task_id`) SELECT `task_id` FROM `task_search_old`;
--> statement-breakpoint
INSERT INTO `task_search` (`rowid`, `task_id`, `body`)
  SELECT k.`rid`, o.`task_id`, o.`body` FROM `task_search_old` o JOIN `task_search_key` k ON k.`task_id` = o.`task_id`;
--> statement-breakpoint
DROP TABLE `task_search_old`;
