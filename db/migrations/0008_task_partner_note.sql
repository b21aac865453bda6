-- Partners an officer wrote as a group rather than a unit ("Các phòng, ban, đơn vị có liên quan"), kept as written.
ALTER TABLE `task` ADD `partner_note` text;
