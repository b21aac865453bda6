/** Messages of bundles, enrollment and backups: each names the problem and the next step. */
export const syncMessagesVi = {
  'bundle.out_dir_missing': 'Thư mục {{path}} không tồn tại hoặc chưa cắm USB. Cắm USB hoặc chọn thư mục khác rồi thử lại.',
  'bundle.disk_full': 'Ổ đĩa đầy, chưa ghi được {{path}}. Xóa bớt tệp trên USB rồi xuất lại; gói chưa được ghi dở dang.',
  'bundle.write_failed': 'Không ghi được gói {{path}} ({{reason}}). Kiểm tra USB (có bị khóa ghi, bị rút ra không) rồi xuất lại.',
  'bundle.too_large': 'Tệp {{file}} lớn hơn giới hạn {{limitMb}} MB nên không được mở. Đề nghị bên gửi xuất lại gói.',
  'bundle.truncated': 'Tệp {{file}} bị cắt dở (có thể do rút USB khi đang ghi). Đề nghị bên gửi chép lại tệp hoặc xuất lại gói.',
  'bundle.not_a_bundle': 'Tệp {{file}} không phải gói đồng bộ WardPlan. Chọn đúng tệp .wpb.',
  'bundle.corrupt': 'Tệp {{file}} bị hỏng ({{reason}}). Đề nghị bên gửi chép lại hoặc xuất lại gói.',
  'bundle.bad_path': 'Gói {{file}} chứa tệp có đường dẫn không an toàn ({{entry}}) nên bị từ chối. Không dùng tệp này; báo cho bộ phận an toàn thông tin.',
  'bundle.too_many_entries': 'Gói {{file}} có quá nhiều tệp (giới hạn {{limit}}). Đề nghị bên gửi xuất lại gói.',
  'bundle.unexpected_entry': 'Gói {{file}} chứa tệp lạ ({{entry}}) nên bị từ chối. Đề nghị bên gửi xuất lại gói bằng WardPlan.',
  'bundle.duplicate_entry': 'Gói {{file}} chứa tệp {{entry}} hai lần nên bị từ chối. Đề nghị bên gửi xuất lại gói.',
  'bundle.entry_too_large': 'Tệp {{entry}} trong gói {{file}} vượt giới hạn {{limitMb}} MB khi giải nén nên bị từ chối. Đề nghị bên gửi kiểm tra và xuất lại.',
  'bundle.bad_manifest': 'Phần mô tả của gói {{file}} không hợp lệ ({{reason}}). Đề nghị bên gửi xuất lại gói.',
  'bundle.future_version':
    'Gói {{file}} dùng định dạng phiên bản {{version}}, mới hơn phiên bản máy này đọc được ({{supported}}). Hãy cập nhật WardPlan rồi nhận lại.',
  'bundle.unsigned': 'Gói {{file}} không có chữ ký nên không thể tin cậy. Đề nghị bên gửi xuất lại gói.',
  'bundle.unknown_key':
    'Gói {{file}} được ký bằng khóa {{keyId}} chưa được đăng ký cho {{owner}}. Đề nghị đơn vị gửi đăng ký khóa (gửi yêu cầu đăng ký) trước.',
  'bundle.key_owner_mismatch': 'Gói {{file}} nói là của {{owner}} nhưng được ký bằng khóa của {{keyOwner}}. Gói bị từ chối; báo cho bộ phận an toàn thông tin.',
  'bundle.revoked_key': 'Gói {{file}} của {{owner}} được ký bằng khóa {{keyId}} đã bị thu hồi. Đơn vị gửi cần đăng ký khóa mới.',
  'bundle.bad_signature': 'Chữ ký của gói {{file}} không đúng: gói đã bị sửa hoặc hỏng. Đề nghị {{owner}} xuất lại gói.',
  'bundle.missing_entry': 'Gói {{file}} thiếu tệp {{entry}}. Đề nghị bên gửi xuất lại gói.',
  'bundle.hash_mismatch': 'Tệp {{entry}} trong gói {{file}} không khớp mã băm: gói đã bị sửa hoặc hỏng. Đề nghị bên gửi xuất lại gói.',
  'bundle.unlisted_entry': 'Gói {{file}} có tệp {{entry}} không được ghi trong phần mô tả đã ký. Gói bị từ chối; đề nghị bên gửi xuất lại.',
  'bundle.not_owner':
    'Gói {{file}} của {{owner}} định thay đổi dữ liệu {{table}} thuộc {{rowOwner}}. Không ai được sửa dữ liệu không thuộc mình; gói bị từ chối.',
  'bundle.bad_row': 'Gói {{file}} có dòng dữ liệu {{table}} không hợp lệ ({{reason}}). Đề nghị bên gửi xuất lại gói.',
  'bundle.wrong_direction':
    'Tệp {{file}} không dành cho máy này (ví dụ gói của phường mở trên máy phường, hoặc danh mục của thành phố khác). Kiểm tra lại tệp.',
  'bundle.dangling_reference':
    'Gói {{file}} nhắc đến dữ liệu chưa có ở đây (ví dụ danh mục chưa cập nhật). Nhận danh mục mới nhất hoặc gói trước đó rồi thử lại.',
  'sync.city_only': 'Việc này chỉ làm được trên cơ sở dữ liệu của thành phố.',
  'sync.ward_only': 'Việc này chỉ làm được trên cơ sở dữ liệu của phường, xã.',
  'sync.not_json': 'Tệp {{path}} không đọc được (không phải tệp JSON của WardPlan). Chọn đúng tệp.',
  'sync.certificate_other_ward': 'Chứng nhận này cấp cho {{ward}}, không phải {{own}}. Chọn đúng tệp trả lời của thành phố.',
  'sync.certificate_other_key': 'Chứng nhận này cấp cho khóa {{keyId}}, không phải khóa hiện tại của máy ({{own}}). Gửi lại yêu cầu đăng ký mới.',
  'sync.certificate_other_city': 'Chứng nhận này của {{city}}, không phải thành phố của phường ({{own}}). Kiểm tra lại tệp.',
  'sync.no_key_to_revoke': 'Không có khóa nào đang dùng của {{ward}} để thu hồi.',
  'sync.key_mismatch':
    'Tệp khóa trên máy ({{found}}) không phải khóa đã đăng ký ({{expected}}). Khôi phục tệp khóa đúng từ bản sao lưu, hoặc đổi khóa và đăng ký lại.',
  'backup.write_failed': 'Không ghi được bản sao lưu {{path}} ({{reason}}). Kiểm tra chỗ trống và quyền ghi rồi thử lại.',
  'backup.not_a_backup': 'Tệp {{path}} không phải bản sao lưu WardPlan hợp lệ. Chọn đúng tệp .wpbak; dữ liệu hiện tại chưa bị thay đổi.',
  'backup.corrupt': 'Bản sao lưu {{path}} bị hỏng. Chọn bản sao lưu khác; dữ liệu hiện tại chưa bị thay đổi.',
} satisfies Record<string, string>;

export const syncMessagesEn: Record<keyof typeof syncMessagesVi, string> = {
  'bundle.out_dir_missing': 'Folder {{path}} does not exist or the USB stick is not plugged in. Plug it in or choose another folder, then try again.',
  'bundle.disk_full': 'The disk is full; {{path}} was not written. Free some space on the stick and export again; no half-written bundle was left.',
  'bundle.write_failed': 'Could not write bundle {{path}} ({{reason}}). Check the stick (write-protected, pulled out?) and export again.',
  'bundle.too_large': 'File {{file}} is larger than the {{limitMb}} MB limit and was not opened. Ask the sender to export again.',
  'bundle.truncated': 'File {{file}} is cut short (perhaps the stick was pulled while writing). Ask the sender to copy it again or export again.',
  'bundle.not_a_bundle': 'File {{file}} is not a WardPlan sync bundle. Choose the right .wpb file.',
  'bundle.corrupt': 'File {{file}} is damaged ({{reason}}). Ask the sender to copy or export it again.',
  'bundle.bad_path': 'Bundle {{file}} holds a file with an unsafe path ({{entry}}) and was refused. Do not use it; tell your security officer.',
  'bundle.too_many_entries': 'Bundle {{file}} holds too many files (limit {{limit}}). Ask the sender to export again.',
  'bundle.unexpected_entry': 'Bundle {{file}} holds an unexpected file ({{entry}}) and was refused. Ask the sender to export again with WardPlan.',
  'bundle.duplicate_entry': 'Bundle {{file}} holds {{entry}} twice and was refused. Ask the sender to export again.',
  'bundle.entry_too_large':
    'Entry {{entry}} of bundle {{file}} exceeds {{limitMb}} MB when unpacked and was refused. Ask the sender to check and export again.',
  'bundle.bad_manifest': 'The description of bundle {{file}} is not valid ({{reason}}). Ask the sender to export again.',
  'bundle.future_version':
    'Bundle {{file}} uses format version {{version}}, newer than this computer reads ({{supported}}). Update WardPlan, then import again.',
  'bundle.unsigned': 'Bundle {{file}} has no signature and cannot be trusted. Ask the sender to export again.',
  'bundle.unknown_key': 'Bundle {{file}} is signed with key {{keyId}}, which is not enrolled for {{owner}}. Ask the sender to enroll its key first.',
  'bundle.key_owner_mismatch':
    'Bundle {{file}} claims to be from {{owner}} but is signed with a key of {{keyOwner}}. It was refused; tell your security officer.',
  'bundle.revoked_key': 'Bundle {{file}} from {{owner}} is signed with key {{keyId}}, which was revoked. The sender must enroll a new key.',
  'bundle.bad_signature': 'The signature of bundle {{file}} is wrong: it was altered or damaged. Ask {{owner}} to export again.',
  'bundle.missing_entry': 'Bundle {{file}} lacks {{entry}}. Ask the sender to export again.',
  'bundle.hash_mismatch': 'Entry {{entry}} of bundle {{file}} does not match its hash: it was altered or damaged. Ask the sender to export again.',
  'bundle.unlisted_entry': 'Bundle {{file}} holds {{entry}}, which its signed description does not list. It was refused; ask the sender to export again.',
  'bundle.not_owner':
    'Bundle {{file}} from {{owner}} tries to change {{table}} data owned by {{rowOwner}}. No one may change data they do not own; the bundle was refused.',
  'bundle.bad_row': 'Bundle {{file}} has an invalid {{table}} row ({{reason}}). Ask the sender to export again.',
  'bundle.wrong_direction': "File {{file}} is not meant for this computer (a ward bundle opened at a ward, or another city's catalog). Check the file.",
  'bundle.dangling_reference':
    'Bundle {{file}} refers to data not present here (an out-of-date catalog, say). Import the latest catalog or the earlier bundle, then try again.',
  'sync.city_only': "This can only be done on the city's database.",
  'sync.ward_only': "This can only be done on a ward's database.",
  'sync.not_json': 'File {{path}} cannot be read (not a WardPlan JSON file). Choose the right file.',
  'sync.certificate_other_ward': "This certificate is for {{ward}}, not {{own}}. Choose the city's answer meant for this ward.",
  'sync.certificate_other_key': "This certificate is for key {{keyId}}, not this computer's key ({{own}}). Send a new enrollment request.",
  'sync.certificate_other_city': "This certificate is from {{city}}, not this ward's city ({{own}}). Check the file.",
  'sync.no_key_to_revoke': '{{ward}} has no key in use to revoke.',
  'sync.key_mismatch':
    'The key file on this computer ({{found}}) is not the enrolled key ({{expected}}). Restore the right key file from a backup, or rotate the key and enroll again.',
  'backup.write_failed': 'Could not write backup {{path}} ({{reason}}). Check free space and permissions, then try again.',
  'backup.not_a_backup': 'File {{path}} is not a valid WardPlan backup. Choose the right .wpbak file; the current data was not changed.',
  'backup.corrupt': 'Backup {{path}} is damaged. Choose another backup; the current data was not changed.',
};
