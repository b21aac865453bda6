/** Messages of the ward's lists and of corrections: what is wrong, then what to do. */
export const listsMessagesVi = {
  'unit.in_use': 'Đơn vị này đang là đơn vị chủ trì hoặc phối hợp của {{count}} nhiệm vụ nên chưa thể ngừng sử dụng. Hãy đổi đơn vị ở các nhiệm vụ đó trước.',
  'directive.in_use': 'Văn bản này đang là căn cứ của {{count}} nhiệm vụ nên chưa thể ngừng sử dụng. Hãy đổi văn bản căn cứ ở các nhiệm vụ đó trước.',
  'plan.has_tasks': 'Kế hoạch năm {{year}} còn {{count}} nhiệm vụ nên chưa thể xóa. Hãy xóa hoặc chuyển các nhiệm vụ trước.',
  'evidence.open_failed':
    'Đã lưu bản sao tại {{path}} nhưng máy chưa mở được tệp ({{reason}}). Hãy mở tệp đó bằng chương trình phù hợp, hoặc cài chương trình đọc loại tệp này.',
  'indicator.ratio_labels': 'Chỉ tiêu tính theo tỷ lệ cần tên của tử số và mẫu số (ví dụ "Số hồ sơ trực tuyến" / "Tổng số hồ sơ"). Hãy nhập cả hai.',
} satisfies Record<string, string>;

export const listsMessagesEn: Record<keyof typeof listsMessagesVi, string> = {
  'unit.in_use': 'This unit leads or takes part in {{count}} task(s), so it cannot be retired yet. Change the unit on those tasks first.',
  'directive.in_use': 'This document is the basis of {{count}} task(s), so it cannot be retired yet. Change the basis of those tasks first.',
  'plan.has_tasks': 'The {{year}} plan still has {{count}} task(s), so it cannot be deleted. Delete or move those tasks first.',
  'evidence.open_failed':
    'A copy was saved at {{path}} but the computer could not open it ({{reason}}). Open that file with a suitable program, or install one that reads this kind of file.',
  'indicator.ratio_labels': 'A ratio indicator needs the names of its numerator and denominator (e.g. "Online applications" / "All applications"). Enter both.',
};
