/**
 * Messages for the issue codes returned by shared/rules/validation.ts.
 * Flat keys equal to the codes, {{param}} placeholders (i18next style).
 * Each message says what is wrong and what to do about it: the officer
 * reading it is usually alone, without an IT colleague to ask.
 * Typed by RulesIssueCode so a new code without a message fails the build.
 */
import type { RulesIssueCode } from '../rules/validation';

export const rulesMessagesVi: Record<RulesIssueCode, string> = {
  'value.missing': 'Chưa nhập số liệu. Nhập giá trị của kỳ này (với chỉ tiêu tỷ lệ: nhập tử số và mẫu số).',
  'value.not_a_number': 'Giá trị không phải là một số. Nhập lại bằng chữ số, ví dụ 85,87.',
  'value.negative': 'Giá trị ({{value}}) không được là số âm. Kiểm tra lại số đã nhập.',
  'value.percent_out_of_range': 'Tỷ lệ phần trăm ({{value}}) phải nằm trong khoảng từ 0 đến 100. Kiểm tra lại số đã nhập.',
  'value.both_forms': 'Đã nhập cả giá trị và tử số/mẫu số. Chỉ nhập một cách: tử số và mẫu số với chỉ tiêu tỷ lệ, hoặc một giá trị với chỉ tiêu khác.',
  'value.ratio_required': 'Chỉ tiêu này là tỷ lệ nên cần nhập tử số và mẫu số, không nhập trực tiếp giá trị. Xóa giá trị và nhập hai số đó.',
  'value.plain_required': 'Chỉ tiêu này không phải tỷ lệ nên chỉ nhập một giá trị. Xóa tử số, mẫu số và nhập giá trị.',
  'value.numerator_missing': 'Chưa nhập tử số. Nhập tử số (số đạt được) cùng với mẫu số.',
  'value.denominator_missing': 'Chưa nhập mẫu số. Nhập mẫu số (tổng số) cùng với tử số.',
  'value.numerator_not_a_number': 'Tử số không phải là một số. Nhập lại tử số bằng chữ số.',
  'value.denominator_not_a_number': 'Mẫu số không phải là một số. Nhập lại mẫu số bằng chữ số.',
  'value.numerator_negative': 'Tử số ({{numerator}}) không được là số âm. Kiểm tra lại tử số.',
  'value.denominator_negative': 'Mẫu số ({{denominator}}) không được là số âm. Kiểm tra lại mẫu số.',
  'value.denominator_zero': 'Mẫu số bằng 0 nên không tính được tỷ lệ. Nhập mẫu số lớn hơn 0.',
  'value.numerator_above_denominator': 'Tử số ({{numerator}}) lớn hơn mẫu số ({{denominator}}). Kiểm tra lại hai số đã nhập.',
  'value.duplicate_period':
    'Chỉ tiêu {{indicatorCode}} có {{count}} giá trị cho kỳ {{period}} (dòng {{rows}}). Mỗi kỳ chỉ có một giá trị: giữ lại một dòng và xóa các dòng còn lại.',
  'period.invalid': 'Kỳ báo cáo "{{period}}" không hợp lệ. Nhập theo mẫu 2026-Q3 (quý), 2026-H1 (6 tháng), 2026-M03 (tháng) hoặc 2026 (năm).',
  'progress.not_a_number': 'Tiến độ không phải là một số. Nhập số phần trăm từ 0 đến 100.',
  'progress.not_integer': 'Tiến độ ({{percent}}%) phải là số nguyên. Làm tròn thành số nguyên từ 0 đến 100.',
  'progress.out_of_range': 'Tiến độ ({{percent}}%) phải nằm trong khoảng từ 0 đến 100. Nhập lại tiến độ.',
  'status.invalid': 'Trạng thái "{{status}}" không hợp lệ. Chọn một trong: Chưa triển khai, Đang thực hiện, Đã hoàn thành.',
  'status.done_requires_100': 'Nhiệm vụ đã hoàn thành nhưng tiến độ là {{percent}}%. Đặt tiến độ 100% hoặc chọn trạng thái Đang thực hiện.',
  'status.not_started_with_progress': 'Nhiệm vụ chưa triển khai nhưng tiến độ là {{percent}}%. Đặt tiến độ 0% hoặc chọn trạng thái Đang thực hiện.',
};

export const rulesMessagesEn: Record<RulesIssueCode, string> = {
  'value.missing': 'No value entered. Enter the value for this period (for a ratio: the numerator and the denominator).',
  'value.not_a_number': 'The value is not a number. Enter it again in digits, e.g. 85.87.',
  'value.negative': 'The value ({{value}}) cannot be negative. Check the number you entered.',
  'value.percent_out_of_range': 'A percentage ({{value}}) must be between 0 and 100. Check the number you entered.',
  'value.both_forms':
    'Both a value and a numerator/denominator were entered. Use one form only: numerator and denominator for a ratio, a single value otherwise.',
  'value.ratio_required': 'This indicator is a ratio, so it needs a numerator and a denominator, not a value. Clear the value and enter both numbers.',
  'value.plain_required': 'This indicator is not a ratio, so it takes a single value. Clear the numerator and denominator and enter the value.',
  'value.numerator_missing': 'The numerator is missing. Enter the numerator (the count achieved) with the denominator.',
  'value.denominator_missing': 'The denominator is missing. Enter the denominator (the total) with the numerator.',
  'value.numerator_not_a_number': 'The numerator is not a number. Enter it again in digits.',
  'value.denominator_not_a_number': 'The denominator is not a number. Enter it again in digits.',
  'value.numerator_negative': 'The numerator ({{numerator}}) cannot be negative. Check the numerator.',
  'value.denominator_negative': 'The denominator ({{denominator}}) cannot be negative. Check the denominator.',
  'value.denominator_zero': 'The denominator is 0, so no ratio can be computed. Enter a denominator above 0.',
  'value.numerator_above_denominator': 'The numerator ({{numerator}}) is greater than the denominator ({{denominator}}). Check both numbers you entered.',
  'value.duplicate_period':
    'Indicator {{indicatorCode}} has {{count}} values for period {{period}} (rows {{rows}}). A period takes one value: keep one row and delete the others.',
  'period.invalid': 'The period "{{period}}" is not valid. Write it as 2026-Q3 (quarter), 2026-H1 (half year), 2026-M03 (month) or 2026 (year).',
  'progress.not_a_number': 'The progress is not a number. Enter a percentage from 0 to 100.',
  'progress.not_integer': 'The progress ({{percent}}%) must be a whole number. Round it to a whole number from 0 to 100.',
  'progress.out_of_range': 'The progress ({{percent}}%) must be between 0 and 100. Enter it again.',
  'status.invalid': 'The status "{{status}}" is not valid. Choose one of: Not started, In progress, Done.',
  'status.done_requires_100': 'The task is marked done but its progress is {{percent}}%. Set the progress to 100% or choose In progress.',
  'status.not_started_with_progress': 'The task is marked not started but its progress is {{percent}}%. Set the progress to 0% or choose In progress.',
};
