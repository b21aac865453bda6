CREATE TABLE `area` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_owner_code` ON `area` (`owner`,`code`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text,
	`detail` text
);
--> statement-breakpoint
CREATE TABLE `blob_sent` (
	`sha256` text PRIMARY KEY NOT NULL,
	`bundle_id` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `bundle_in` (
	`bundle_id` text PRIMARY KEY NOT NULL,
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
	`receipt` text
);
--> statement-breakpoint
CREATE INDEX `bundle_in_origin` ON `bundle_in` (`origin`,`seq_from`);--> statement-breakpoint
CREATE TABLE `bundle_out` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`seq_from` integer NOT NULL,
	`seq_to` integer NOT NULL,
	`manifest_sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	`acknowledged_at` text,
	`receipt` text
);
--> statement-breakpoint
CREATE TABLE `change_log` (
	`origin` text NOT NULL,
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`owner` text NOT NULL,
	`data` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`origin`, `seq`)
);
--> statement-breakpoint
CREATE INDEX `change_log_row` ON `change_log` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `directive` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`code` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text,
	`issuer` text NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `directive_owner_code` ON `directive` (`owner`,`code`);--> statement-breakpoint
CREATE TABLE `evidence` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`task_id` text,
	`progress_id` text,
	`note` text,
	`added_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`progress_id`) REFERENCES `task_progress`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_task` ON `evidence` (`task_id`);--> statement-breakpoint
CREATE INDEX `evidence_sha` ON `evidence` (`sha256`);--> statement-breakpoint
CREATE TABLE `indicator` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`code` text NOT NULL,
	`area_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`is_ratio` integer DEFAULT 0 NOT NULL,
	`numerator_label` text,
	`denominator_label` text,
	`note` text,
	`sort` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_owner_code` ON `indicator` (`owner`,`code`);--> statement-breakpoint
CREATE TABLE `indicator_target` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`indicator_id` text NOT NULL,
	`year` integer NOT NULL,
	`ward_code` text DEFAULT '' NOT NULL,
	`comparator` text NOT NULL,
	`target` real NOT NULL,
	`baseline` real,
	`span` text,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `target_owner_indicator_year_ward` ON `indicator_target` (`owner`,`indicator_id`,`year`,`ward_code`);--> statement-breakpoint
CREATE TABLE `indicator_value` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`indicator_id` text NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`numerator` real,
	`denominator` real,
	`note` text,
	`by_name` text NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicator`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_value_owner_indicator_period` ON `indicator_value` (`owner`,`indicator_id`,`period`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `org` (
	`code` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`parent_code` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `origin_state` (
	`origin` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`last_seq` integer NOT NULL,
	`last_manifest_sha256` text,
	`last_received_at` text
);
--> statement-breakpoint
CREATE TABLE `plan` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`year` integer NOT NULL,
	`title` text NOT NULL,
	`doc_number` text,
	`issued_on` text,
	`issuer` text,
	`signer_title` text,
	`signer_name` text,
	`general_goal` text,
	`budget_vnd` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_owner_year` ON `plan` (`owner`,`year`);--> statement-breakpoint
CREATE TABLE `report` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`period` text NOT NULL,
	`status` text NOT NULL,
	`doc_number` text,
	`approved_by` text,
	`approved_at` text,
	`sent_at` text,
	`figures` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_owner_period` ON `report` (`owner`,`period`);--> statement-breakpoint
CREATE TABLE `report_narrative` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`report_id` text NOT NULL,
	`area_id` text NOT NULL,
	`results` text DEFAULT '' NOT NULL,
	`shortcomings` text DEFAULT '' NOT NULL,
	`next_tasks` text DEFAULT '' NOT NULL,
	`proposals` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `report`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_narrative_report_area` ON `report_narrative` (`report_id`,`area_id`);--> statement-breakpoint
CREATE TABLE `reporting_deadline` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`period` text NOT NULL,
	`due_on` text NOT NULL,
	`title` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reporting_deadline_owner_period` ON `reporting_deadline` (`owner`,`period`);--> statement-breakpoint
CREATE TABLE `task` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`plan_id` text NOT NULL,
	`no` integer NOT NULL,
	`area_id` text NOT NULL,
	`source_directive_id` text,
	`content` text NOT NULL,
	`lead_unit_id` text NOT NULL,
	`partner_unit_ids` text DEFAULT '[]' NOT NULL,
	`person` text,
	`timeline` text,
	`deadline` text,
	`output` text,
	`authority` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `area`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_directive_id`) REFERENCES `directive`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_plan` ON `task` (`plan_id`);--> statement-breakpoint
CREATE INDEX `task_area` ON `task` (`area_id`);--> statement-breakpoint
CREATE TABLE `task_progress` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`task_id` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`percent` integer NOT NULL,
	`note` text,
	`by_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `task`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_progress_task` ON `task_progress` (`task_id`,`date`);--> statement-breakpoint
CREATE TABLE `trusted_key` (
	`key_id` text PRIMARY KEY NOT NULL,
	`org_code` text NOT NULL,
	`public_key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`added_at` text NOT NULL,
	`revoked_at` text,
	`revoked_reason` text,
	`document` text
);
--> statement-breakpoint
CREATE TABLE `unit` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_owner_code` ON `unit` (`owner`,`code`);