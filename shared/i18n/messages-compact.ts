/** Messages of database compaction (db/sync/compact.ts, `wardplan db compact`). */
export const compactMessagesVi = {
  'db.compact_busy': 'Đang có một thao tác khác ghi vào cơ sở dữ liệu nên chưa thu gọn được. Chờ thao tác đó xong rồi chạy lại; dữ liệu không thay đổi.',
};

export const compactMessagesEn: Record<keyof typeof compactMessagesVi, string> = {
  'db.compact_busy': 'Another operation is writing to the database, so it was not compacted. Wait for it to finish and run again; nothing was changed.',
};
