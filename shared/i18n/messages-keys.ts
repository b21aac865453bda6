/**
 * Messages for the AppErrors of db/keys, by error code, with i18next `{{param}}` placeholders.
 * Each says what went wrong and what the person can do about it; they are read by ward
 * officers, not by developers, so no jargon beyond "key" and "fingerprint".
 * The English list is the reference; the Vietnamese one must cover exactly the same codes.
 */

export const keysMessagesEn = {
  'keys.wrong_passphrase_or_corrupt':
    'Could not open the key file {{path}}: the passphrase is wrong, or the file is damaged or was altered. Type the passphrase again, minding capital letters and Vietnamese accents. If that does not help, restore the file from a backup or contact the city’s administrator.',
  'keys.passphrase_too_short': 'The passphrase is too short: it needs at least {{min}} characters. Choose a longer one, for example a few words together.',
  'keys.passphrase_needed':
    'The key’s passphrase is needed, but there is no terminal to ask on (the command is running from a script). Set the environment variable {{envVar}} to the passphrase and run it again. Do not put the passphrase on the command line.',
  'keys.passphrase_blank': 'The passphrase is only spaces. Choose one with letters or digits, at least {{min}} characters, for example a few words together.',
  'keys.kdf_too_costly':
    'The key file {{path}} asks for more memory to open than WardPlan allows ({{limitMb}} MB): it was not written by WardPlan or has been altered. It was not opened; restore the key file from a backup or contact the city’s administrator.',
  'keys.passphrase_mismatch': 'The two passphrases you typed are not the same. Please type them again.',
  'keys.passphrase_cancelled': 'Passphrase entry was cancelled. Nothing was changed.',
  'keys.key_file_wrong_kind':
    'The key file {{path}} is protected differently (by a passphrase, or by the Windows user account) from the way it is being opened. Open it with the tool that created it (the WardPlan app or the wardplan command), or contact technical support.',
  'keys.key_file_unsupported':
    'The key file {{path}} was written by a newer version of WardPlan (format {{version}}). Update WardPlan to the latest version, then try again.',
  'keys.key_file_unreadable':
    'Could not read the key file {{path}} ({{reason}}). Check that the file is still there and that this user account is allowed to read it.',
  'keys.key_file_write_failed':
    'Could not save the key file {{path}} ({{reason}}). The previous key, if there was one, is unchanged. Check that the disk has free space and the folder can be written to, then try again.',
  'keys.sealed_key_unreadable':
    'The key file {{path}} cannot be opened here. It is protected by the Windows user account that created it, so it does not work after being copied to another computer or account; or it is damaged. Sign in with that account; if that is not possible, create a new key and enroll it with the city again.',
  'keys.sealing_unavailable': 'This computer cannot protect the key with the user account. Use passphrase protection instead, or contact technical support.',
  'keys.no_key_to_rotate': 'This installation has no key yet, so there is nothing to replace. The key is created on first use; create it first.',
  'keys.bad_public_key': 'This is not a valid public key. Copy the whole key again, with no characters missing or added.',
  'keys.bad_private_key':
    'This installation’s private key cannot be used (it is not a valid Ed25519 key). Restore the key file from a backup, or create a new key and enroll it with the city again.',
  'keys.bad_enrollment_request':
    'The key enrollment request is not valid: the file is damaged, was changed after it was signed, or is not a WardPlan enrollment request. Ask the ward to create and send the request again.',
  'keys.invalid_enrollment_details':
    'The enrollment details are not valid (field {{field}}). Check the ward code, the ward name, and the officer’s name, title and phone number, then try again.',
  'keys.bad_ward_certificate':
    'The ward key certificate is not valid: the file is damaged, was altered, or was not issued by the city. Ask the city to send the certificate again.',
  'keys.certificate_wrong_city_key':
    'This certificate was signed with city key {{certificateKeyId}}, but this installation trusts city key {{expectedKeyId}}. It may belong to another city, or have been issued before the city changed its key. Ask the city to issue it again.',
  'keys.invalid_certificate_details':
    'The certificate could not be issued because a detail is not valid (field {{field}}). Check the city code in the settings, then try again.',
  'keys.bad_revocation':
    'The key revocation notice is not valid: the file is damaged, was altered, or was not signed by a key allowed to revoke. It has been ignored; contact whoever sent it to confirm.',
  'keys.invalid_revocation_details': 'The revocation details are not valid (field {{field}}). Check the key id, the ward code and the reason, then try again.',
} as const;

export type KeysErrorCode = keyof typeof keysMessagesEn;

export const keysMessagesVi: Record<KeysErrorCode, string> = {
  'keys.wrong_passphrase_or_corrupt':
    'Không mở được tệp khóa {{path}}: cụm mật khẩu không đúng, hoặc tệp đã bị hỏng hay bị sửa đổi. Hãy nhập lại cụm mật khẩu, chú ý chữ hoa, chữ thường và dấu tiếng Việt. Nếu vẫn không được, hãy khôi phục tệp từ bản sao lưu hoặc liên hệ cán bộ quản trị của thành phố.',
  'keys.passphrase_too_short': 'Cụm mật khẩu quá ngắn: cần ít nhất {{min}} ký tự. Hãy chọn cụm dài hơn, ví dụ ghép vài từ với nhau.',
  'keys.passphrase_needed':
    'Cần cụm mật khẩu của khóa nhưng không có màn hình dòng lệnh để hỏi (lệnh đang chạy trong một script). Hãy đặt biến môi trường {{envVar}} bằng cụm mật khẩu rồi chạy lại. Không ghi cụm mật khẩu vào dòng lệnh.',
  'keys.passphrase_blank': 'Cụm mật khẩu chỉ có dấu cách. Hãy chọn cụm có chữ hoặc số, ít nhất {{min}} ký tự, ví dụ ghép vài từ với nhau.',
  'keys.kdf_too_costly':
    'Tệp khóa {{path}} đòi nhiều bộ nhớ để mở hơn mức WardPlan cho phép ({{limitMb}} MB): tệp không do WardPlan tạo ra hoặc đã bị sửa đổi. Tệp chưa được mở; hãy khôi phục tệp khóa từ bản sao lưu hoặc liên hệ cán bộ quản trị của thành phố.',
  'keys.passphrase_mismatch': 'Hai lần nhập cụm mật khẩu không giống nhau. Hãy nhập lại.',
  'keys.passphrase_cancelled': 'Đã hủy nhập cụm mật khẩu. Không có gì bị thay đổi.',
  'keys.key_file_wrong_kind':
    'Tệp khóa {{path}} được bảo vệ theo cách khác (bằng cụm mật khẩu, hoặc bằng tài khoản người dùng Windows) với cách đang dùng để mở. Hãy mở tệp bằng đúng công cụ đã tạo ra nó (ứng dụng WardPlan hoặc lệnh wardplan), hoặc liên hệ cán bộ kỹ thuật.',
  'keys.key_file_unsupported':
    'Tệp khóa {{path}} được tạo bởi phiên bản WardPlan mới hơn (định dạng {{version}}). Hãy cập nhật WardPlan lên phiên bản mới nhất rồi thử lại.',
  'keys.key_file_unreadable': 'Không đọc được tệp khóa {{path}} ({{reason}}). Hãy kiểm tra tệp vẫn còn và tài khoản người dùng này có quyền đọc tệp.',
  'keys.key_file_write_failed':
    'Không lưu được tệp khóa {{path}} ({{reason}}). Khóa cũ (nếu có) vẫn còn nguyên. Hãy kiểm tra ổ đĩa còn chỗ trống và thư mục cho phép ghi, rồi thử lại.',
  'keys.sealed_key_unreadable':
    'Không mở được tệp khóa {{path}} trên máy này. Tệp được bảo vệ bằng tài khoản người dùng Windows đã tạo ra nó, nên không dùng được khi chép sang máy khác hoặc tài khoản khác; hoặc tệp đã bị hỏng. Hãy đăng nhập bằng đúng tài khoản đó; nếu không thể, hãy tạo khóa mới và đăng ký lại với thành phố.',
  'keys.sealing_unavailable':
    'Máy tính này không bảo vệ được khóa bằng tài khoản người dùng. Hãy dùng cách bảo vệ bằng cụm mật khẩu, hoặc liên hệ cán bộ kỹ thuật.',
  'keys.no_key_to_rotate': 'Máy này chưa có khóa nên chưa có gì để thay. Khóa được tạo khi dùng lần đầu; hãy tạo khóa trước.',
  'keys.bad_public_key': 'Khóa công khai không hợp lệ. Hãy sao chép lại toàn bộ khóa, không thiếu và không thừa ký tự nào.',
  'keys.bad_private_key':
    'Khóa bí mật của máy này không dùng được (không phải khóa Ed25519 hợp lệ). Hãy khôi phục tệp khóa từ bản sao lưu, hoặc tạo khóa mới và đăng ký lại với thành phố.',
  'keys.bad_enrollment_request':
    'Yêu cầu đăng ký khóa không hợp lệ: tệp bị hỏng, đã bị sửa đổi sau khi ký, hoặc không phải yêu cầu đăng ký của WardPlan. Hãy đề nghị phường tạo và gửi lại yêu cầu.',
  'keys.invalid_enrollment_details':
    'Thông tin đăng ký chưa hợp lệ (trường {{field}}). Hãy kiểm tra mã phường, tên phường, họ tên, chức vụ và số điện thoại của cán bộ rồi thử lại.',
  'keys.bad_ward_certificate':
    'Giấy chứng nhận khóa của phường không hợp lệ: tệp bị hỏng, đã bị sửa đổi, hoặc không do thành phố cấp. Hãy đề nghị thành phố gửi lại giấy chứng nhận.',
  'keys.certificate_wrong_city_key':
    'Giấy chứng nhận này được ký bằng khóa thành phố {{certificateKeyId}}, nhưng máy này tin cậy khóa thành phố {{expectedKeyId}}. Có thể giấy chứng nhận thuộc thành phố khác, hoặc được cấp trước khi thành phố đổi khóa. Hãy đề nghị thành phố cấp lại.',
  'keys.invalid_certificate_details':
    'Không cấp được giấy chứng nhận vì có thông tin không hợp lệ (trường {{field}}). Hãy kiểm tra mã thành phố trong phần cài đặt rồi thử lại.',
  'keys.bad_revocation':
    'Thông báo thu hồi khóa không hợp lệ: tệp bị hỏng, đã bị sửa đổi, hoặc không được ký bằng khóa có quyền thu hồi. Thông báo đã bị bỏ qua; hãy liên hệ bên gửi để xác minh.',
  'keys.invalid_revocation_details': 'Thông tin thu hồi khóa chưa hợp lệ (trường {{field}}). Hãy kiểm tra mã khóa, mã phường và lý do rồi thử lại.',
};
