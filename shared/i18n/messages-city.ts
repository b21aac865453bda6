/**
 * Messages of the city's dashboard, accounts, city report and exchange files. Each says what is
 * wrong, then what to do. The English list is the reference; the Vietnamese one covers the same codes.
 */
export const cityMessagesEn = {
  'auth.bad_credentials': 'Wrong user name or password. {{left}} more attempt(s) before the account is locked for 15 minutes.',
  'auth.locked': 'Too many failed sign-ins: this account is locked. Try again in {{minutes}} minute(s), or ask an administrator to set a new password.',
  'auth.no_session': 'You are not signed in, or your session has expired. Sign in again.',
  'auth.csrf': "The request was refused because it did not carry this page's security token. Reload the page and try again.",
  'auth.admin_only': 'Only an administrator can do this ({{method}}). Ask an administrator of the city.',
  'auth.bad_user_name': 'User name "{{name}}" is not valid: use 2 to 64 letters, digits, dots, dashes or @, without spaces.',
  'auth.password_too_short': 'The password is too short: use at least {{min}} characters.',
  'auth.password_too_long': 'The password is too long: use at most 1024 characters.',
  'auth.user_exists': 'User "{{name}}" already exists. Choose another name, or change that user\'s password with "city user passwd".',
  'auth.no_such_user': 'There is no user "{{name}}". Check the name, or list users in the dashboard.',
  'auth.last_admin': '"{{name}}" is the last active administrator and cannot be disabled. Add another administrator first.',
  'auth.password_needed': 'A password is needed: type it at the prompt, or set {{envVar}} when running from a script.',
  'auth.password_mismatch': 'The two passwords differ. Run the command again.',
  'host.bad_token': 'This address is missing the start-up token. Open the exact address the "city dashboard" command printed.',
  'city.ward_not_found': "Ward {{ward}} is not in the city's list. Check the code.",
  'city.enrollment_not_found': 'Enrollment request {{id}} was not found. Reload the list.',
  'city.enrollment_decided': 'The enrollment request of {{ward}} has already been decided ({{status}}). Reload the list.',
  'city.no_key_store':
    'The city\'s signing key is not available to this server. Start it with "wardplan city dashboard", which asks for the key\'s passphrase.',
  'city.mapping_invalid': 'Mapping file {{path}} is not valid ({{reason}}). See docs/interchange.md for its format.',
  'city.report_format': 'Format "{{format}}" is not offered here. Use docx or xlsx (and csv with --table).',
} satisfies Record<string, string>;

export const cityMessagesVi: Record<keyof typeof cityMessagesEn, string> = {
  'auth.bad_credentials': 'Sai tên đăng nhập hoặc mật khẩu. Còn {{left}} lần thử trước khi tài khoản bị khóa 15 phút.',
  'auth.locked': 'Đăng nhập sai quá nhiều lần: tài khoản đang bị khóa. Thử lại sau {{minutes}} phút, hoặc đề nghị quản trị viên đặt mật khẩu mới.',
  'auth.no_session': 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Hãy đăng nhập lại.',
  'auth.csrf': 'Yêu cầu bị từ chối vì thiếu mã bảo vệ của trang. Tải lại trang rồi thử lại.',
  'auth.admin_only': 'Chỉ quản trị viên mới được thực hiện thao tác này ({{method}}). Đề nghị quản trị viên của thành phố thực hiện.',
  'auth.bad_user_name': 'Tên đăng nhập "{{name}}" không hợp lệ: dùng 2 đến 64 chữ cái, chữ số, dấu chấm, gạch ngang hoặc @, không có dấu cách.',
  'auth.password_too_short': 'Mật khẩu quá ngắn: cần ít nhất {{min}} ký tự.',
  'auth.password_too_long': 'Mật khẩu quá dài: tối đa 1024 ký tự.',
  'auth.user_exists': 'Người dùng "{{name}}" đã có. Chọn tên khác, hoặc đổi mật khẩu bằng lệnh "city user passwd".',
  'auth.no_such_user': 'Không có người dùng "{{name}}". Kiểm tra lại tên.',
  'auth.last_admin': '"{{name}}" là quản trị viên cuối cùng còn hoạt động nên không thể khóa. Hãy thêm quản trị viên khác trước.',
  'auth.password_needed': 'Cần mật khẩu: nhập khi được hỏi, hoặc đặt biến môi trường {{envVar}} khi chạy bằng tập lệnh.',
  'auth.password_mismatch': 'Hai lần nhập mật khẩu không giống nhau. Chạy lại lệnh.',
  'host.bad_token': 'Địa chỉ này thiếu mã khởi động. Mở đúng địa chỉ mà lệnh "city dashboard" đã in ra.',
  'city.ward_not_found': 'Phường, xã {{ward}} không có trong danh sách của thành phố. Kiểm tra lại mã.',
  'city.enrollment_not_found': 'Không tìm thấy yêu cầu đăng ký {{id}}. Tải lại danh sách.',
  'city.enrollment_decided': 'Yêu cầu đăng ký của {{ward}} đã được xử lý ({{status}}). Tải lại danh sách.',
  'city.no_key_store': 'Máy chủ này không mở được khóa ký của thành phố. Hãy chạy bằng lệnh "wardplan city dashboard" (lệnh sẽ hỏi cụm mật khẩu của khóa).',
  'city.mapping_invalid': 'Tệp ánh xạ {{path}} không hợp lệ ({{reason}}). Xem định dạng trong docs/interchange.md.',
  'city.report_format': 'Không hỗ trợ định dạng "{{format}}" ở đây. Dùng docx hoặc xlsx (và csv với --table).',
};
