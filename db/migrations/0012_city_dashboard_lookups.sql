-- The city's indicator table reads every ward's values and targets of a period in index order and
-- looks up each one's definition by id for its code: this index holds the columns that lookup
-- reads, so SQLite never reads the definition's row in the table.
CREATE INDEX `indicator_city` ON `indicator` (`id`,`deleted`,`code`,`owner`);
--> statement-breakpoint
-- Judging every ward's tasks reads, per plan, each task's id, directive, deadline and timeline:
-- this index holds them, so the tasks' rows (with their long content) are not read.
CREATE INDEX `task_city` ON `task` (`plan_id`,`deleted`,`id`,`source_directive_id`,`deadline`,`timeline`);
--> statement-breakpoint
-- The codes in use and each one's first definition, found in this index without reading the table.
CREATE INDEX `indicator_live` ON `indicator` (`deleted`,`code`);
