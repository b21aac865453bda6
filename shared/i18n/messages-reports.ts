/**
 * Messages for the AppErrors of the reports and documents (db/reports, db/services/reports.ts),
 * keyed by code, with i18next `{{param}}` placeholders. Each says what is
 * wrong, then what to do. The plan_import row codes are the reasons listed per row of a refused sheet.
 * The English list is the reference; the Vietnamese one must cover exactly the same codes.
 */

export const reportsMessagesEn = {
  'report.bad_period': 'Report period "{{value}}" is not valid. A report covers a quarter (2026-Q3), a half year (2026-H1) or a year (2026).',
  'report.frozen':
    'The {{period}} report was approved by {{approvedBy}} and is frozen; it can no longer be edited. If something must change, issue a supplementary report.',
  'report.already_approved':
    'The {{period}} report was already approved by {{approvedBy}} on {{approvedAt}}. Nothing was changed; export the approved report as it is.',
  'report.not_approved': 'The {{period}} report has not been approved yet, so it cannot be marked as sent. Have it approved first (wardplan report approve).',
  'report.approver_required': 'Enter the name of the person approving the report (the leader who signs it).',
  'report.not_found': "No {{period}} report from {{owner}} has been received. Check the period, or import that ward's latest bundle first.",
  'report.text_too_long': 'The "{{field}}" text is too long ({{length}} characters; at most {{max}}). Shorten it or move the details to an attached document.',
  'report.figures_unsupported': 'This report was made by a newer version of WardPlan (figures format {{version}}). Update WardPlan to open it.',
  'plan_import.not_xlsx': 'The file cannot be read as an Excel workbook (.xlsx) ({{reason}}). Save it from Excel as "Excel Workbook (.xlsx)" and try again.',
  'plan_import.no_header':
    'No header row was found: the sheet needs at least the columns "Nội dung nhiệm vụ" and "Đơn vị chủ trì". Start from the template (wardplan plan template).',
  'plan_import.empty': 'The sheet has a header row but no tasks under it. Fill in the tasks, one per row, and import again.',
  'plan_import.bad_rows':
    '{{count}} row(s) of the sheet are not right (rows {{rows}}), so nothing was imported. Correct every row listed and import the file again.',
  'plan_import.content_required': 'The task content is empty. Write what the task is.',
  'plan_import.lead_required': 'The lead unit is empty. Write the code or the name of the lead unit.',
  'plan_import.lead_unknown': 'Lead unit "{{value}}" is not in the unit list. Use a unit code or name from the list, or add the unit first.',
  'plan_import.partner_unknown': 'Coordinating unit "{{value}}" is not in the unit list. Use unit codes or names from the list, separated by ";" or new lines.',
  'plan_import.timeline_invalid':
    'Timeline "{{value}}" cannot be read. Write a date (30/9/2026), a period (Quý III/2026, 6 tháng đầu năm, Năm 2026), "Thường xuyên", "Hằng quý" or "Theo yêu cầu", or leave it empty.',
  'plan_import.area_required': 'The area (lĩnh vực) is empty. Write an area code such as CQ or HT.',
  'plan_import.area_unknown': 'Area "{{value}}" is not known. Area codes: LD, TC, HT, NL, DL, AT, CQ, KT, TT, KP.',
  'plan_import.source_unknown':
    'Directive "{{value}}" is not in the directive list. Use its code or number (e.g. 57-NQ/TW), add it first, or leave the cell empty.',
  'plan_import.duplicate_task': 'This task is already in the plan (task {{no}}). Remove the row, or change the task in the app instead.',
  'plan_import.too_long': 'The "{{field}}" cell is too long (at most {{max}} characters). Shorten it.',
  'output.write_failed':
    'Could not write the file {{path}} ({{reason}}). Check that the folder exists, is writable and has free space, and that the file is not open in Word or Excel.',
} as const;

export type ReportsErrorCode = keyof typeof reportsMessagesEn;

export const reportsMessagesVi: Record<ReportsErrorCode, string> = {
  'report.bad_period': 'Kỳ báo cáo "{{value}}" không hợp lệ. Báo cáo theo quý (2026-Q3), 6 tháng (2026-H1) hoặc năm (2026).',
  'report.frozen': 'Báo cáo {{period}} đã được {{approvedBy}} phê duyệt nên không sửa được nữa. Nếu cần thay đổi, hãy lập báo cáo bổ sung.',
  'report.already_approved': 'Báo cáo {{period}} đã được {{approvedBy}} phê duyệt lúc {{approvedAt}}. Không có gì thay đổi; hãy xuất báo cáo đã phê duyệt.',
  'report.not_approved': 'Báo cáo {{period}} chưa được phê duyệt nên chưa thể đánh dấu đã gửi. Hãy trình phê duyệt trước (wardplan report approve).',
  'report.approver_required': 'Hãy nhập họ tên người phê duyệt báo cáo (lãnh đạo ký báo cáo).',
  'report.not_found': 'Chưa nhận được báo cáo {{period}} của {{owner}}. Kiểm tra lại kỳ báo cáo, hoặc nhập gói dữ liệu mới nhất của đơn vị đó trước.',
  'report.text_too_long': 'Nội dung "{{field}}" quá dài ({{length}} ký tự; tối đa {{max}}). Hãy rút gọn hoặc đưa chi tiết vào tài liệu đính kèm.',
  'report.figures_unsupported': 'Báo cáo này được lập bằng phiên bản WardPlan mới hơn (định dạng số liệu {{version}}). Hãy cập nhật WardPlan để mở.',
  'plan_import.not_xlsx':
    'Không đọc được tệp dưới dạng bảng tính Excel (.xlsx) ({{reason}}). Hãy mở bằng Excel, lưu lại dạng "Excel Workbook (.xlsx)" rồi nhập lại.',
  'plan_import.no_header':
    'Không tìm thấy dòng tiêu đề: bảng cần có ít nhất các cột "Nội dung nhiệm vụ" và "Đơn vị chủ trì". Hãy dùng tệp mẫu (wardplan plan template).',
  'plan_import.empty': 'Bảng có dòng tiêu đề nhưng chưa có nhiệm vụ nào. Hãy nhập mỗi nhiệm vụ một dòng rồi nhập lại.',
  'plan_import.bad_rows': 'Có {{count}} dòng chưa đúng (dòng {{rows}}) nên chưa nhập nhiệm vụ nào. Hãy sửa tất cả các dòng được liệt kê rồi nhập lại tệp.',
  'plan_import.content_required': 'Nội dung nhiệm vụ đang để trống. Hãy ghi nội dung nhiệm vụ.',
  'plan_import.lead_required': 'Đơn vị chủ trì đang để trống. Hãy ghi mã hoặc tên đơn vị chủ trì.',
  'plan_import.lead_unknown':
    'Đơn vị chủ trì "{{value}}" không có trong danh sách đơn vị. Hãy dùng mã hoặc tên đơn vị trong danh sách, hoặc thêm đơn vị trước.',
  'plan_import.partner_unknown':
    'Đơn vị phối hợp "{{value}}" không có trong danh sách đơn vị. Hãy ghi mã hoặc tên đơn vị trong danh sách, cách nhau bằng dấu ";" hoặc xuống dòng.',
  'plan_import.timeline_invalid':
    'Không đọc được thời gian thực hiện "{{value}}". Hãy ghi ngày (30/9/2026), kỳ (Quý III/2026, 6 tháng đầu năm, Năm 2026), "Thường xuyên", "Hằng quý", "Theo yêu cầu", hoặc để trống.',
  'plan_import.area_required': 'Lĩnh vực đang để trống. Hãy ghi mã lĩnh vực, ví dụ CQ hoặc HT.',
  'plan_import.area_unknown': 'Không có lĩnh vực "{{value}}". Các mã lĩnh vực: LD, TC, HT, NL, DL, AT, CQ, KT, TT, KP.',
  'plan_import.source_unknown':
    'Văn bản căn cứ "{{value}}" không có trong danh sách văn bản. Hãy ghi mã hoặc số hiệu (ví dụ 57-NQ/TW), thêm văn bản trước, hoặc để trống.',
  'plan_import.duplicate_task': 'Nhiệm vụ này đã có trong kế hoạch (nhiệm vụ số {{no}}). Hãy bỏ dòng này, hoặc sửa nhiệm vụ ngay trong ứng dụng.',
  'plan_import.too_long': 'Ô "{{field}}" quá dài (tối đa {{max}} ký tự). Hãy rút gọn.',
  'output.write_failed':
    'Không ghi được tệp {{path}} ({{reason}}). Kiểm tra thư mục có tồn tại, cho phép ghi và còn dung lượng, và tệp không đang mở trong Word hay Excel.',
};
