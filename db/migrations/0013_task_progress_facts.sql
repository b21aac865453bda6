-- What a task's progress entries say about its status, one row per task (db/city/progress.ts): the
-- latest entry's date and status, when the final unbroken run of 'done' began, the latest 'done' and
-- the latest day the work was under way. Judging 70,000 tasks from these, rather than from every
-- entry, keeps the city's per-directive table fast. Only entries on a real date (as
-- shared/rules/period isValidIsoDate has it) that are not deleted count; a task with none has no row.
-- Keyed by ward first: a ward's tasks are judged together, and their facts then lie together.
-- Derived from task_progress alone and kept in step by the triggers below, in the transaction that
-- writes the entries; deleting every row and running the backfill at the end rebuilds it.
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
CREATE TRIGGER `task_progress_facts_insert` AFTER INSERT ON `task_progress`
BEGIN
  DELETE FROM task_progress_facts WHERE owner = NEW.owner AND task_id = NEW.task_id;
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
    WHERE g.task_id = NEW.task_id AND g.owner = NEW.owner AND g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
    GROUP BY g.task_id, g.owner
  ) a;
END;
--> statement-breakpoint
-- A ward sending a row again unchanged, or changing only its note, leaves the facts as they are.
CREATE TRIGGER `task_progress_facts_update` AFTER UPDATE ON `task_progress`
  WHEN OLD.deleted IS NOT NEW.deleted OR OLD.date IS NOT NEW.date OR OLD.status IS NOT NEW.status OR OLD.percent IS NOT NEW.percent
    OR OLD.created_at IS NOT NEW.created_at OR OLD.task_id IS NOT NEW.task_id OR OLD.owner IS NOT NEW.owner
BEGIN
  DELETE FROM task_progress_facts WHERE owner = NEW.owner AND task_id = NEW.task_id;
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
    WHERE g.task_id = NEW.task_id AND g.owner = NEW.owner AND g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
    GROUP BY g.task_id, g.owner
  ) a;
END;
--> statement-breakpoint
-- An entry moved to another task (or owner) also changes what the task it left says.
CREATE TRIGGER `task_progress_facts_move` AFTER UPDATE ON `task_progress`
  WHEN OLD.task_id IS NOT NEW.task_id OR OLD.owner IS NOT NEW.owner
BEGIN
  DELETE FROM task_progress_facts WHERE owner = OLD.owner AND task_id = OLD.task_id;
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
    WHERE g.task_id = OLD.task_id AND g.owner = OLD.owner AND g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
    GROUP BY g.task_id, g.owner
  ) a;
END;
--> statement-breakpoint
CREATE TRIGGER `task_progress_facts_delete` AFTER DELETE ON `task_progress`
BEGIN
  DELETE FROM task_progress_facts WHERE owner = OLD.owner AND task_id = OLD.task_id;
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
    WHERE g.task_id = OLD.task_id AND g.owner = OLD.owner AND g.deleted = 0 AND date(g.date) IS g.date AND g.date >= '1000'
    GROUP BY g.task_id, g.owner
  ) a;
END;
--> statement-breakpoint
-- The facts of the entries already stored (the same statement as the triggers', for every task).
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
