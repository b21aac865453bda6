/**
 * Messages of the document settings: Nơi nhận, the drafting unit, the plan document's sections,
 * supplementary reports, directive order and indicator aggregation rules.
 */
export const documentsMessagesVi = {
  'directive.not_own': 'Văn bản "{{code}}" do thành phố ban hành trong danh mục nên phường không đổi thứ tự được. Chỉ sắp xếp các văn bản của phường.',
  'directive.order_duplicate': 'Văn bản "{{code}}" có hai lần trong thứ tự. Mỗi văn bản chỉ ghi một lần.',
  'indicator.not_own': 'Chỉ tiêu "{{code}}" do thành phố giao nên phường không đổi cách tổng hợp được.',
  'indicator.bad_aggregation': 'Cách tổng hợp "{{value}}" không hợp lệ. Chọn latest (số mới nhất), sum (cộng dồn) hoặc average (bình quân).',
  'documents.recipient_too_long': 'Dòng nơi nhận thứ {{line}} dài {{length}} ký tự, quá {{max}}. Rút gọn dòng đó.',
  'documents.too_many_recipients': 'Có {{count}} nơi nhận, quá {{max}}. Gộp bớt các nơi nhận.',
  'documents.text_too_long': 'Phần "{{field}}" dài {{length}} ký tự, quá {{max}}. Rút gọn hoặc chuyển bớt sang phụ lục.',
  'report.supplement_needs_approved': 'Báo cáo {{period}} chưa được phê duyệt nên chưa lập báo cáo bổ sung được. Sửa thẳng vào dự thảo báo cáo rồi phê duyệt.',
  'report.supplement_not_found': 'Chưa có báo cáo bổ sung lần {{supplement}} cho kỳ {{period}}. Lập báo cáo bổ sung trước.',
} satisfies Record<string, string>;

export const documentsMessagesEn: Record<keyof typeof documentsMessagesVi, string> = {
  'directive.not_own': 'Directive "{{code}}" is in the city\'s catalog, so the ward cannot reorder it. Order only the ward\'s own directives.',
  'directive.order_duplicate': 'Directive "{{code}}" appears twice in the order. List each directive once.',
  'indicator.not_own': 'Indicator "{{code}}" is assigned by the city, so the ward cannot change how it is aggregated.',
  'indicator.bad_aggregation': 'Aggregation "{{value}}" is not valid. Choose latest, sum or average.',
  'documents.recipient_too_long': 'Recipient line {{line}} is {{length}} characters long, over {{max}}. Shorten it.',
  'documents.too_many_recipients': 'There are {{count}} recipients, over {{max}}. Merge some of them.',
  'documents.text_too_long': 'Section "{{field}}" is {{length}} characters long, over {{max}}. Shorten it or move part of it to an appendix.',
  'report.supplement_needs_approved':
    'The {{period}} report has not been approved, so no supplementary report can be made. Edit the draft itself, then approve it.',
  'report.supplement_not_found': 'There is no supplementary report no. {{supplement}} for {{period}}. Create the supplementary report first.',
};
