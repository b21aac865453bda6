/**
 * Messages of the plan import (db/plan-import): whole-file refusals, then the errors and warnings
 * shown beside each row of the preview. Each says what is wrong, then what to do. Row codes shared
 * with the template import (content_required, duplicate_task, ...) live in messages-reports.ts.
 */

export const planImportMessagesEn = {
  'plan_import.file_empty': 'The file "{{name}}" is empty (0 bytes). Choose the plan\'s Excel (.xlsx) or Word (.docx) file itself.',
  'plan_import.not_office': 'The file "{{name}}" is not an Excel (.xlsx) or Word (.docx) file. Choose the plan\'s appendix as .xlsx or .docx.',
  'plan_import.legacy_office':
    'The file "{{name}}" is in the old Excel/Word format (.xls/.doc). Open it in Excel or Word, save it as .xlsx or .docx, and import that file.',
  'plan_import.corrupt': 'The file "{{name}}" is damaged and cannot be opened ({{reason}}). Open it in Excel or Word, save it again, and retry.',
  'plan_import.no_table':
    'No task table was found in "{{name}}": a table needs a header with at least "Nội dung nhiệm vụ" and "Đơn vị chủ trì" (or "Đơn vị thực hiện" over "Chủ trì"). Check that the file holds the plan\'s task appendix.',
  'plan_import.no_tasks': 'The table in "{{name}}" has a header but no task rows under it. Check that the file is the filled-in appendix.',
  'plan_import.no_input': 'Nothing to import: give the file, or the rows of the preview.',
  'plan_import.bad_map':
    'The column mapping "{{value}}" cannot be read. Write column=field pairs separated by commas, e.g. "C=lead,D=partners,H=ignore"; fields: {{fields}}.',
  'plan_import.bad_column': 'A column of the mapping is not a column letter (A, B, ..., AA). Use the letters shown in the preview.',
  'plan_import.unmapped_columns':
    'Column(s) {{columns}} were not recognised ({{headers}}). Say what each holds, or "ignore" it: in the mapping step of the import screen, or with --map "{{example}}".',
  'plan_import.rows_invalid':
    '{{count}} row(s) have errors (rows {{rows}}), so nothing was imported. Correct them, or choose to import only the rows without errors.',
  'plan_import.missing_refs':
    'Not in the ward\'s lists yet: {{names}}. Nothing was imported. Confirm creating them (the "create" choice, or --create-missing), or correct the rows.',
  'plan_import.nothing_valid': 'No row can be imported: every row has an error. Correct the rows in the preview and import again.',
  'plan_import.area_missing':
    'The task has no area: no "Lĩnh vực" column and no section row ("I. ...") above it names one. Write the area (e.g. "Chính quyền số" or CQ).',
  'plan_import.section_unknown':
    'Section "{{value}}" does not match any area, so the tasks under it have no area. Rename it as an area (e.g. "II. Thể chế, chính sách số") or fill the area of each task.',
  'plan_import.timeline_undated':
    'Timeline "{{value}}" has no date the app can read. It is kept as written and the task has no deadline; add one later if needed.',
  'plan_import.partner_text': 'Partner "{{value}}" is not a single unit; it is kept as written text.',
  'plan_import.lead_several': 'The lead cell names several units ({{value}}): the first leads, the others are recorded as partners.',
} as const;

export type PlanImportErrorCode = keyof typeof planImportMessagesEn;

export const planImportMessagesVi: Record<PlanImportErrorCode, string> = {
  'plan_import.file_empty': 'Tệp "{{name}}" rỗng (0 byte). Hãy chọn đúng tệp Excel (.xlsx) hoặc Word (.docx) của kế hoạch.',
  'plan_import.not_office': 'Tệp "{{name}}" không phải tệp Excel (.xlsx) hay Word (.docx). Hãy chọn phụ lục của kế hoạch dạng .xlsx hoặc .docx.',
  'plan_import.legacy_office':
    'Tệp "{{name}}" ở định dạng Excel/Word cũ (.xls/.doc). Hãy mở bằng Excel hoặc Word, lưu lại thành .xlsx hoặc .docx rồi nhập tệp đó.',
  'plan_import.corrupt': 'Tệp "{{name}}" bị hỏng, không mở được ({{reason}}). Hãy mở bằng Excel hoặc Word, lưu lại rồi thử lại.',
  'plan_import.no_table':
    'Không tìm thấy bảng nhiệm vụ trong "{{name}}": bảng cần có dòng tiêu đề với ít nhất "Nội dung nhiệm vụ" và "Đơn vị chủ trì" (hoặc "Đơn vị thực hiện" gồm "Chủ trì"). Hãy kiểm tra tệp có phụ lục nhiệm vụ của kế hoạch.',
  'plan_import.no_tasks': 'Bảng trong "{{name}}" có dòng tiêu đề nhưng không có nhiệm vụ nào. Hãy kiểm tra đúng tệp phụ lục đã điền.',
  'plan_import.no_input': 'Không có gì để nhập: hãy chọn tệp, hoặc gửi các dòng của bản xem trước.',
  'plan_import.bad_map':
    'Không đọc được cách gán cột "{{value}}". Hãy ghi các cặp cột=trường cách nhau bằng dấu phẩy, ví dụ "C=lead,D=partners,H=ignore"; các trường: {{fields}}.',
  'plan_import.bad_column': 'Có cột trong cách gán không phải chữ cái tên cột (A, B, ..., AA). Hãy dùng tên cột như trong bản xem trước.',
  'plan_import.unmapped_columns':
    'Chưa nhận ra cột {{columns}} ({{headers}}). Hãy chọn mỗi cột chứa gì, hoặc "bỏ qua": ở bước gán cột của màn hình nhập, hoặc bằng --map "{{example}}".',
  'plan_import.rows_invalid': 'Có {{count}} dòng bị lỗi (dòng {{rows}}) nên chưa nhập dòng nào. Hãy sửa các dòng đó, hoặc chọn chỉ nhập các dòng không có lỗi.',
  'plan_import.missing_refs':
    'Chưa có trong danh mục của phường: {{names}}. Chưa nhập gì. Hãy xác nhận tạo mới (chọn "tạo mới", hoặc --create-missing), hoặc sửa các dòng.',
  'plan_import.nothing_valid': 'Không có dòng nào nhập được: dòng nào cũng có lỗi. Hãy sửa các dòng trong bản xem trước rồi nhập lại.',
  'plan_import.area_missing':
    'Nhiệm vụ chưa có lĩnh vực: không có cột "Lĩnh vực" và không có dòng mục ("I. ...") nào phía trên ghi lĩnh vực. Hãy ghi lĩnh vực (ví dụ "Chính quyền số" hoặc CQ).',
  'plan_import.section_unknown':
    'Mục "{{value}}" không khớp lĩnh vực nào nên các nhiệm vụ bên dưới chưa có lĩnh vực. Hãy đặt tên mục theo lĩnh vực (ví dụ "II. Thể chế, chính sách số") hoặc ghi lĩnh vực cho từng nhiệm vụ.',
  'plan_import.timeline_undated':
    'Thời gian "{{value}}" không có mốc ngày mà ứng dụng đọc được. Giữ nguyên như đã ghi, nhiệm vụ không có hạn hoàn thành; có thể bổ sung sau.',
  'plan_import.partner_text': 'Đơn vị phối hợp "{{value}}" không phải một đơn vị cụ thể; được giữ nguyên dạng chữ.',
  'plan_import.lead_several': 'Ô chủ trì ghi nhiều đơn vị ({{value}}): đơn vị đầu tiên chủ trì, các đơn vị còn lại được ghi là phối hợp.',
};
