-- Official documents: report body sections, recipients, supplementary reports, directive order,
-- indicator aggregation rules and the plan document's own sections.
ALTER TABLE `report` ADD `supplement` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `report` ADD `body` text;
--> statement-breakpoint
ALTER TABLE `report` ADD `recipients` text;
--> statement-breakpoint
DROP INDEX `report_owner_period`;
--> statement-breakpoint
CREATE UNIQUE INDEX `report_owner_period_supplement` ON `report` (`owner`,`period`,`supplement`);
--> statement-breakpoint
ALTER TABLE `directive` ADD `sort` integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE `indicator` ADD `aggregation` text;
--> statement-breakpoint
CREATE TABLE `plan_document` (
	`id` text PRIMARY KEY NOT NULL,
	`owner` text NOT NULL,
	`updated_at` text NOT NULL,
	`deleted` integer DEFAULT 0 NOT NULL,
	`plan_id` text NOT NULL,
	`previous_results` text DEFAULT '' NOT NULL,
	`objectives` text DEFAULT '' NOT NULL,
	`solutions` text DEFAULT '' NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	`recipients` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plan`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_document_plan` ON `plan_document` (`plan_id`);
