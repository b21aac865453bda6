CREATE TABLE `city_user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `city_user_name` ON `city_user` (`name`);
--> statement-breakpoint
CREATE TABLE `city_login_attempt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_name` text NOT NULL,
	`at` text NOT NULL,
	`ok` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `city_login_attempt_user` ON `city_login_attempt` (`user_name`,`at`);
--> statement-breakpoint
CREATE TABLE `city_web_session` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL REFERENCES `city_user`(`id`),
	`csrf` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enrollment_request` (
	`id` text PRIMARY KEY NOT NULL,
	`ward_code` text NOT NULL,
	`ward_name` text NOT NULL,
	`key_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`officer_name` text,
	`officer_title` text,
	`document` text NOT NULL,
	`received_at` text NOT NULL,
	`status` text NOT NULL,
	`decided_at` text,
	`decided_by` text,
	`response` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollment_request_key` ON `enrollment_request` (`key_id`);
--> statement-breakpoint
CREATE TABLE `ward_info` (
	`ward_code` text PRIMARY KEY NOT NULL,
	`ward_group` text,
	`contact_name` text,
	`contact_title` text,
	`contact_phone` text,
	`contact_email` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ward_info_group` ON `ward_info` (`ward_group`);
--> statement-breakpoint
CREATE INDEX `task_progress_owner` ON `task_progress` (`owner`);
--> statement-breakpoint
CREATE INDEX `indicator_value_period` ON `indicator_value` (`period`);
--> statement-breakpoint
CREATE INDEX `indicator_value_indicator_period` ON `indicator_value` (`indicator_id`,`period`);
--> statement-breakpoint
CREATE INDEX `indicator_code` ON `indicator` (`code`);
