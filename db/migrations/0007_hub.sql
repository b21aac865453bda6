-- The ward's side of sending over the network: one row per bundle handed to the hub, with the
-- tus upload address kept so an upload interrupted by a restart resumes instead of starting over.
CREATE TABLE `hub_send` (
	`bundle_id` text PRIMARY KEY NOT NULL,
	`file_path` text NOT NULL,
	`upload_url` text,
	`status` text NOT NULL,
	`outcome` text,
	`error` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
-- The city's side: what the hub did with each finished upload, so a ward that lost the answer
-- can ask again instead of sending the bundle twice.
CREATE TABLE `hub_upload` (
	`upload_id` text PRIMARY KEY NOT NULL,
	`ward_code` text NOT NULL,
	`key_id` text NOT NULL,
	`outcome` text NOT NULL,
	`finished_at` text NOT NULL
);
--> statement-breakpoint
-- Enrollment requests posted to the hub, waiting for the city officer to read the fingerprint
-- over the phone and approve.
CREATE TABLE `enrollment_inbox` (
	`id` text PRIMARY KEY NOT NULL,
	`ward_code` text NOT NULL,
	`key_id` text NOT NULL,
	`fingerprint` text NOT NULL,
	`request` text NOT NULL,
	`status` text NOT NULL,
	`response` text,
	`received_at` text NOT NULL,
	`decided_at` text
);
