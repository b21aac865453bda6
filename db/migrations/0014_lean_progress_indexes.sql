-- The city now judges tasks from task_progress_facts (migration 0013) and reads entries only for the
-- few tasks with entries after the day asked, or for a period long past; it finds them by task, with
-- the (task_id, date) index. The seven-column index of migration 0011 and the owner index of 0006
-- cost every database, a ward's included, some 7 MiB over ten years of progress, and every entry a
-- city imports two more writes.
DROP INDEX IF EXISTS `task_progress_judge`;
--> statement-breakpoint
DROP INDEX IF EXISTS `task_progress_owner`;
