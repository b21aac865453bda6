-- Origins: each sending installation belongs to exactly one organisation, fixed by the first
-- bundle applied from it. Seeded from the origins already applied here.
CREATE TABLE `origin_registry` (
	`origin` text PRIMARY KEY NOT NULL,
	`org_code` text NOT NULL,
	`registered_at` text NOT NULL,
	`key_id` text
);
--> statement-breakpoint
INSERT INTO `origin_registry` (`origin`, `org_code`, `registered_at`, `key_id`)
  SELECT `origin`, `owner`, coalesce(`last_received_at`, ''), NULL FROM `origin_state`;
--> statement-breakpoint
-- Received bundles are keyed by their owner too: an id used by one ward never blocks another's.
CREATE TABLE `bundle_in_new` (
	`bundle_id` text NOT NULL,
	`origin` text NOT NULL,
	`owner` text NOT NULL,
	`kind` text NOT NULL,
	`seq_from` integer NOT NULL,
	`seq_to` integer NOT NULL,
	`manifest_sha256` text NOT NULL,
	`prev_manifest_sha256` text,
	`key_id` text NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`applied_at` text,
	`stored_path` text,
	`receipt` text,
	PRIMARY KEY(`owner`, `bundle_id`)
);
--> statement-breakpoint
INSERT INTO `bundle_in_new` SELECT `bundle_id`, `origin`, `owner`, `kind`, `seq_from`, `seq_to`, `manifest_sha256`, `prev_manifest_sha256`,
  `key_id`, `status`, `received_at`, `applied_at`, `stored_path`, `receipt` FROM `bundle_in`;
--> statement-breakpoint
DROP TABLE `bundle_in`;
--> statement-breakpoint
ALTER TABLE `bundle_in_new` RENAME TO `bundle_in`;
--> statement-breakpoint
CREATE INDEX `bundle_in_origin` ON `bundle_in` (`origin`,`seq_from`);
--> statement-breakpoint
-- CHECK rules of the owned tables, a second wall behind the row rules every write passes. SQLite
-- adds a CHECK only by rebuilding a table, which tables other tables reference cannot undergo
-- inside this migration's transaction, so each rule is a trigger that aborts the write instead.
CREATE TRIGGER `unit_check_insert` BEFORE INSERT ON `unit`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: unit');
END;
--> statement-breakpoint
CREATE TRIGGER `unit_check_update` BEFORE UPDATE ON `unit`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: unit');
END;
--> statement-breakpoint
CREATE TRIGGER `directive_check_insert` BEFORE INSERT ON `directive`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: directive');
END;
--> statement-breakpoint
CREATE TRIGGER `directive_check_update` BEFORE UPDATE ON `directive`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: directive');
END;
--> statement-breakpoint
CREATE TRIGGER `area_check_insert` BEFORE INSERT ON `area`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: area');
END;
--> statement-breakpoint
CREATE TRIGGER `area_check_update` BEFORE UPDATE ON `area`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: area');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_check_insert` BEFORE INSERT ON `indicator`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.is_ratio NOT IN (0, 1)
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_check_update` BEFORE UPDATE ON `indicator`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.is_ratio NOT IN (0, 1)
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_target_check_insert` BEFORE INSERT ON `indicator_target`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.comparator NOT IN ('>', '>=', '=', '<=', '<')
    OR NEW.year NOT BETWEEN 2000 AND 2100
    OR abs(NEW.target) > 1e15
    OR abs(NEW.baseline) > 1e15
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator_target');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_target_check_update` BEFORE UPDATE ON `indicator_target`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.comparator NOT IN ('>', '>=', '=', '<=', '<')
    OR NEW.year NOT BETWEEN 2000 AND 2100
    OR abs(NEW.target) > 1e15
    OR abs(NEW.baseline) > 1e15
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator_target');
END;
--> statement-breakpoint
CREATE TRIGGER `reporting_deadline_check_insert` BEFORE INSERT ON `reporting_deadline`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
    OR NEW.due_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: reporting_deadline');
END;
--> statement-breakpoint
CREATE TRIGGER `reporting_deadline_check_update` BEFORE UPDATE ON `reporting_deadline`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
    OR NEW.due_on NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: reporting_deadline');
END;
--> statement-breakpoint
CREATE TRIGGER `plan_check_insert` BEFORE INSERT ON `plan`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.year NOT BETWEEN 2000 AND 2100
    OR NEW.budget_vnd < 0
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: plan');
END;
--> statement-breakpoint
CREATE TRIGGER `plan_check_update` BEFORE UPDATE ON `plan`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.year NOT BETWEEN 2000 AND 2100
    OR NEW.budget_vnd < 0
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: plan');
END;
--> statement-breakpoint
CREATE TRIGGER `task_check_insert` BEFORE INSERT ON `task`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.no < 1
    OR length(NEW.content) > 4000
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: task');
END;
--> statement-breakpoint
CREATE TRIGGER `task_check_update` BEFORE UPDATE ON `task`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.no < 1
    OR length(NEW.content) > 4000
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: task');
END;
--> statement-breakpoint
CREATE TRIGGER `task_progress_check_insert` BEFORE INSERT ON `task_progress`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.status NOT IN ('not_started', 'in_progress', 'done')
    OR typeof(NEW.percent) <> 'integer'
    OR NEW.percent NOT BETWEEN 0 AND 100
    OR NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: task_progress');
END;
--> statement-breakpoint
CREATE TRIGGER `task_progress_check_update` BEFORE UPDATE ON `task_progress`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.status NOT IN ('not_started', 'in_progress', 'done')
    OR typeof(NEW.percent) <> 'integer'
    OR NEW.percent NOT BETWEEN 0 AND 100
    OR NEW.date NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: task_progress');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_value_check_insert` BEFORE INSERT ON `indicator_value`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
    OR NEW.value NOT BETWEEN 0 AND 1e15
    OR NEW.numerator NOT BETWEEN 0 AND 1e15
    OR NEW.denominator <= 0
    OR NEW.denominator > 1e15
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator_value');
END;
--> statement-breakpoint
CREATE TRIGGER `indicator_value_check_update` BEFORE UPDATE ON `indicator_value`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
    OR NEW.value NOT BETWEEN 0 AND 1e15
    OR NEW.numerator NOT BETWEEN 0 AND 1e15
    OR NEW.denominator <= 0
    OR NEW.denominator > 1e15
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: indicator_value');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_check_insert` BEFORE INSERT ON `evidence`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR length(NEW.sha256) <> 64
    OR NEW.size < 0
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: evidence');
END;
--> statement-breakpoint
CREATE TRIGGER `evidence_check_update` BEFORE UPDATE ON `evidence`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR length(NEW.sha256) <> 64
    OR NEW.size < 0
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: evidence');
END;
--> statement-breakpoint
CREATE TRIGGER `report_check_insert` BEFORE INSERT ON `report`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.status NOT IN ('draft', 'approved', 'sent')
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: report');
END;
--> statement-breakpoint
CREATE TRIGGER `report_check_update` BEFORE UPDATE ON `report`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
    OR NEW.status NOT IN ('draft', 'approved', 'sent')
    OR NEW.period NOT GLOB '[0-9][0-9][0-9][0-9]*'
    OR length(NEW.period) > 8
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: report');
END;
--> statement-breakpoint
CREATE TRIGGER `report_narrative_check_insert` BEFORE INSERT ON `report_narrative`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: report_narrative');
END;
--> statement-breakpoint
CREATE TRIGGER `report_narrative_check_update` BEFORE UPDATE ON `report_narrative`
  WHEN NEW.deleted NOT IN (0, 1)
    OR typeof(NEW.deleted) <> 'integer'
    OR NEW.id NOT GLOB '[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f]-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'
    OR length(NEW.owner) NOT BETWEEN 1 AND 64
BEGIN
  SELECT RAISE(ABORT, 'CHECK constraint failed: report_narrative');
END;
