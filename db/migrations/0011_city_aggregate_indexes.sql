-- The city judges every ward's tasks in one pass over the progress entries: this index holds every
-- column that pass reads, in the order it groups them, so SQLite reads neither the table nor sorts.
CREATE INDEX `task_progress_judge` ON `task_progress` (`task_id`,`owner`,`deleted`,`date`,`created_at`,`status`,`percent`);
--> statement-breakpoint
-- Every ward's value for one period, and every target for one year, read as one range of an index
-- holding the columns the city's indicator table needs.
CREATE INDEX `indicator_value_city` ON `indicator_value` (`period`,`deleted`,`indicator_id`,`owner`,`value`,`numerator`,`denominator`);
--> statement-breakpoint
CREATE INDEX `indicator_target_city` ON `indicator_target` (`year`,`deleted`,`indicator_id`,`owner`,`ward_code`,`comparator`,`target`);
