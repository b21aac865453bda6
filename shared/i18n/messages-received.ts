/**
 * Messages for what the city reads from a ward's bundle beyond its rows: the figures of an approved
 * report (db/services/reports.ts). Each says what is wrong, then what to do.
 */
export const receivedMessagesVi = {
  'report.figures_invalid':
    'Số liệu của báo cáo {{period}} không đọc được ({{reason}}). Báo cáo vẫn được giữ nguyên; đề nghị phường xuất lại gói bằng WardPlan đã cập nhật rồi gửi lại.',
};

export const receivedMessagesEn: Record<keyof typeof receivedMessagesVi, string> = {
  'report.figures_invalid':
    'The figures of the {{period}} report cannot be read ({{reason}}). The report is kept as it is; ask the ward to export its bundle again with an up-to-date WardPlan and send it again.',
};
