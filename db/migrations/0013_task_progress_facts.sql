-- What a task's progress entries say about its status, one row per task (db/city/progress.ts): the
-- latest entry's date and status, when the final unbroken run of 'done' began, the latest 'done' and
-- the latest day the work was under way. Judging 70,000 tasks from these, rather than from every
-- entry, keeps the city's per-directive table fast. Only entries on a real date (as
-- shared/rules/period isValidIsoDate has it) that are not deleted count; a task with none has no row.
-- Keyed by ward first: a ward's tasks are judged together, and their facts then lie together.
-- Derived from task_progress alone. Writing an entry only marks its task's facts unknown (last_date
-- '9999-12-31', after any day asked, so readers judge that task from its entries): a trigger that
-- recomputed them would cost every write a scan of the task's entries, the larger part of a city's
-- quarterly import. db/progress-facts.ts computes the marked tasks' facts again, for many tasks in
-- one statement, as an import commits. Deleting every row and running the backfill at the end
-- rebuilds the table.
CREATE TABLE `task_progress_facts` (
	`task_id` text NOT NULL,
	`owner` text NOT NULL,
	`last_date` text NOT NULL,
	`last_status` text NOT NULL,
	`done_on` text,
	`last_done` text,
	`last_active` text,
	PRIMARY KEY(`owner`, `task_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- The marked rows, found without reading the whole table.
CREATE INDEX `task_progress_facts_unknown` ON `task_progress_facts` (`owner`, `task_id`) WHERE last_date = '9999-12-31';
--> statement-breakpoint
CREATE TRIGGER `task_progress_facts_insert` AFTER INSERT ON `task_progress`
BEGIN
  INSERT INTO task_progress_facts (task_id, owner, last_date, last_status) VALUES (NEW.task_id, NEW.owner, '9999-12-31', '')
    ON CONFLICT(owner, task_id) DO UPDATE SET last_date = '9999-12-31';
END;
--> statement-breakpoint
-- A ward sending a row again unchanged, or changing only its note, leaves the facts as they are.
CREATE TRIGGER `task_progress_facts_update` AFTER UPDATE ON `task_progress`
  WHEN OLD.deleted IS NOT NEW.deleted OR OLD.date IS NOT NEW.date OR OLD.status IS NOT NEW.status OR OLD.percent IS NOT NEW.percent
    OR OLD.created_at IS NOT NEW.created_at OR OLD.task_id IS NOT NEW.task_id OR OLD.owner IS NOT NEW.owner
BEGIN
  INSERT INTO task_progress_facts (task_id, owner, last_date, last_status) VALUES (NEW.task_id, NEW.owner, '9999-12-31', '')
    ON CONFLICT(owner, task_id) DO UPDATE SET last_date = '9999-12-31';
END;
--> statement-breakpoint
-- An entry moved to another task (or owner) also changes what the task it left says.
CREATE TRIGGER `task_progress_facts_move` AFTER UPDATE ON `task_progress`
  WHEN OLD.task_id IS NOT NEW.task_id OR OLD.owner IS NOT NEW.owner
BEGIN
  INSERT INTO task_progress_facts (task_id, owner, last_date, last_status) VALUES (OLD.task_id, OLD.owner, '9999-12-31', '')
    ON CONFLICT(owner, task_id) DO UPDATE SET last_date = '9999-12-31';
END;
--> statement-breakpoint
CREATE TRIGGER `task_progress_facts_delete` AFTER DELETE ON `task_progress`
BEGIN
  INSERT INTO task_progress_facts (task_id, owner, last_date, last_status) VALUES (OLD.task_id, OLD.owner, '9999-12-31', '')
    ON CONFLICT(owner, task_id) DO UPDATE SET last_date = '9999-12-31';
END;
--> statement-breakpoint
-- The facts of the entries already stored (the statement db/progress-facts.ts runs for marked tasks, for every task).
INSERT INTO task_progress_facts (task_id, owner, last_date, last_status, done_on, last_done, last_active)
SELECT a.task_id, a.owner, a.last_date, a.last_status,
  CASE WHEN a.last_status = 'done' THEN (
    SELECT min(x.date) FROM task_progress x
    WHERE x.task_id = a.task_id AND x.owner = a.owner AND x.deleted = 0 AND date(x.date) IS x.date AND x.date >= '1000'
      AND x.date || '|' || x.created_at > coalesce(a.ndk, '')) END,
  a.last_done, a.last_active
FROM (
  SELECT g.task_id, g.owner, max(g.date) AS last_date,
    substr(max(g.date || '|' || g.created_at || '|' || g.status), 12 + instr(substr(max(g.date || '|' || g.created_at || '|' || g.status), 12), '|')) AS last_status,
    max(CASE WHEN g.status <> 'done' THEN g.date || '|' || g.created_at END) AS ndk,
    max(CASE WHEN g.status = 'done' THEN g.date END) AS last_done,
    max(CASE WHEN g.status = 'in_progress' OR g.percent > 0 THEN g.date END) AS last_active
  FROM task_progress g
  WHERE g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
  GROUP BY g.task_id, g.owner
) a;
