-- The city judges every ward's tasks in one pass over the progress entries: this index holds every
-- column that pass reads, in the order it groups them, so SQLite reads neither the table nor sorts.
CREATE INDEX `task_progress_judge` ON `task_progress` (`task_id`,`owner`,`deleted`,`date`,`created_at`,`status`,`percent`);
