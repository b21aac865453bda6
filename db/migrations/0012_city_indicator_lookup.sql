-- The city's indicator table reads every ward's values and targets of a period in index order and
-- looks up each one's definition by id for its code: this index holds the columns that lookup
-- reads, so SQLite never reads the definition's row in the table.
CREATE INDEX `indicator_city` ON `indicator` (`id`,`deleted`,`code`,`owner`);
