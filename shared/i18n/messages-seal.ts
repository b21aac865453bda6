/** Messages of sealed bundles (format 2), compact rows and origins bound at enrollment. */
export const sealMessagesVi = {
  'bundle.sealed_for_other':
    'Gói {{file}} được niêm phong cho nơi nhận khác: máy này không có khóa để mở. Gói của phường chỉ mở được ở thành phố phường đã ghi danh và ở chính phường đó. Hãy kiểm tra gói được gửi đúng thành phố; nếu đúng, đề nghị phường nhập lại trả lời ghi danh mới nhất của thành phố rồi xuất lại gói.',
  'bundle.seal_broken':
    'Gói {{file}} có chữ ký đúng nhưng phần dữ liệu niêm phong không giải mã được ({{reason}}). Không có gì được áp dụng; đề nghị bên gửi xuất lại gói bằng WardPlan.',
  'bundle.sealed_blob_mismatch':
    'Gói {{file}} có chữ ký đúng nhưng tệp minh chứng niêm phong {{entry}} khi mở ra không khớp với mã băm ghi trong tên. Không có gì được áp dụng; đề nghị phường xuất lại gói bằng WardPlan và báo cho bộ phận an toàn thông tin.',
  'bundle.unresolved_reference':
    'Gói {{file}} nhắc tới một dòng {{table}} ({{column}} = {{ref}}…) mà máy này không có hoặc không xác định được duy nhất. Không có gì được áp dụng; hãy nhập các gói trước đó của phường, hoặc đề nghị phường nhập danh mục mới nhất của thành phố rồi xuất lại gói.',
  'bundle.origin_unknown':
    'Gói {{file}} của {{owner}} đến từ một bản cài đặt ({{origin}}) chưa được ghi danh cho {{owner}}. Gói bị từ chối. Nếu phường đã chuyển sang máy mới, hãy ghi danh lại hoặc đổi khóa trên máy mới rồi gửi lại.',
  'sync.enroll_origin_taken':
    'Yêu cầu ghi danh của {{ward}} nêu mã cài đặt {{origin}}, vốn đã thuộc {{originOwner}}. Chưa phê duyệt gì; hãy kiểm tra yêu cầu có đúng là của {{ward}} không và báo cho bộ phận an toàn thông tin.',
  'sync.bad_age_recipient':
    'Khóa niêm phong trong trả lời ghi danh của {{city}} không có chữ ký hợp lệ của thành phố. Chưa nhập gì; đề nghị thành phố gửi lại trả lời ghi danh.',
};

export const sealMessagesEn: Record<keyof typeof sealMessagesVi, string> = {
  'bundle.sealed_for_other':
    "Bundle {{file}} is sealed for another receiver: this computer holds no key that opens it. A ward's bundle opens only at the city it enrolled with and at that ward itself. Check the bundle went to the right city; if it did, ask the ward to import the city's latest enrollment answer and export again.",
  'bundle.seal_broken':
    'Bundle {{file}} is correctly signed but its sealed data cannot be decrypted ({{reason}}). Nothing was applied; ask the sender to export again with WardPlan.',
  'bundle.sealed_blob_mismatch':
    'Bundle {{file}} is correctly signed, but the sealed evidence file {{entry}} does not match the hash in its name once opened. Nothing was applied; ask the ward to export again with WardPlan and tell the information security team.',
  'bundle.unresolved_reference':
    "Bundle {{file}} refers to a {{table}} row ({{column}} = {{ref}}…) that this computer does not hold or cannot tell apart. Nothing was applied; import the ward's earlier bundles first, or ask the ward to import the city's latest catalog and export again.",
  'bundle.origin_unknown':
    'Bundle {{file}} from {{owner}} comes from an installation ({{origin}}) not enrolled for {{owner}}. It was refused. If the ward moved to a new computer, enroll again or rotate the key on the new computer, then send again.',
  'sync.enroll_origin_taken':
    "{{ward}}'s enrollment request names installation id {{origin}}, which already belongs to {{originOwner}}. Nothing was approved; check the request really comes from {{ward}} and tell your security officer.",
  'sync.bad_age_recipient':
    "The sealing key in {{city}}'s enrollment answer does not carry a valid signature by the city. Nothing was imported; ask the city to send its enrollment answer again.",
};
