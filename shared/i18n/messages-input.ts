/**
 * Messages for values typed on the command line or passed by a page that are out of range or not
 * what they claim to be: dates, years, periods, ports, and file handles from the desktop shell.
 */

export const inputMessagesVi = {
  'cli.bad_date': '"{{value}}" ở --{{field}} không phải là ngày. Nhập ngày dạng YYYY-MM-DD, ví dụ 2026-09-30.',
  'cli.bad_year': '"{{value}}" ở --{{field}} không phải là năm hợp lệ. Nhập năm bằng 4 chữ số, từ {{min}} đến {{max}}, ví dụ 2026.',
  'cli.bad_period': '"{{value}}" ở --{{field}} không phải là kỳ hợp lệ. Nhập kỳ dạng 2026, 2026-H1, 2026-Q3 hoặc 2026-M03, năm từ {{min}} đến {{max}}.',
  'cli.bad_port': '"{{value}}" ở --port không phải là cổng hợp lệ. Nhập số nguyên từ 1 đến 65535, hoặc 0 để tự chọn một cổng trống.',
  'year.range': 'Năm ở trường "{{field}}" phải là số nguyên từ 2000 đến 2100, ví dụ 2026.',
  'period.year_range': 'Năm của kỳ ở trường "{{field}}" phải từ 2000 đến 2100, ví dụ 2026-Q3.',
  'ipc.not_picked':
    'Tệp hoặc thư mục ở trường "{{field}}" không phải là tệp, thư mục mà cán bộ đã chọn trong hộp thoại. Hãy bấm nút chọn tệp (hoặc thư mục) rồi chọn lại.',
} satisfies Record<string, string>;

export const inputMessagesEn: Record<keyof typeof inputMessagesVi, string> = {
  'cli.bad_date': '"{{value}}" given to --{{field}} is not a date. Write the date as YYYY-MM-DD, e.g. 2026-09-30.',
  'cli.bad_year': '"{{value}}" given to --{{field}} is not a valid year. Write a four-digit year from {{min}} to {{max}}, e.g. 2026.',
  'cli.bad_period':
    '"{{value}}" given to --{{field}} is not a valid period. Write it as 2026, 2026-H1, 2026-Q3 or 2026-M03, with a year from {{min}} to {{max}}.',
  'cli.bad_port': '"{{value}}" given to --port is not a valid port. Write a whole number from 1 to 65535, or 0 to pick a free port.',
  'year.range': 'The year in field "{{field}}" must be a whole number from 2000 to 2100, e.g. 2026.',
  'period.year_range': 'The year of the period in field "{{field}}" must be from 2000 to 2100, e.g. 2026-Q3.',
  'ipc.not_picked':
    'The file or folder in field "{{field}}" is not one the officer chose in a dialog. Press the button to choose the file (or folder) and pick it again.',
};
