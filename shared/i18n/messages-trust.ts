/** Messages of the checks that tie a bundle's origin, ids, ranges and references to its signer. */
export const trustMessagesVi = {
  'bundle.origin_own':
    'Gói {{file}} của {{owner}} ghi dưới mã cài đặt {{origin}} của chính máy này. Không gói nào từ bên ngoài được ghi vào nhật ký thay đổi của máy này; gói bị từ chối, báo cho bộ phận an toàn thông tin.',
  'bundle.origin_taken':
    'Gói {{file}} của {{owner}} ghi dưới mã cài đặt {{origin}}, vốn thuộc {{originOwner}}. Một đơn vị không được ghi thay cho đơn vị khác; gói bị từ chối, báo cho bộ phận an toàn thông tin.',
  'bundle.id_reused': 'Gói {{file}} của {{owner}} dùng lại mã gói {{bundleId}} của một gói khác đã nhận. Đề nghị {{owner}} xuất lại gói bằng WardPlan.',
  'bundle.bad_range':
    'Gói {{file}} khai báo các thay đổi từ số {{seqFrom}} đến {{seqTo}} nhưng thay đổi cuối cùng trong gói là số {{last}}. Gói bị từ chối; đề nghị bên gửi xuất lại gói.',
  'bundle.row_too_large':
    'Gói {{file}} có một dòng dữ liệu dài hơn giới hạn {{limitKb}} KB nên bị từ chối mà không đọc hết. Đề nghị bên gửi kiểm tra dữ liệu và xuất lại gói.',
  'bundle.foreign_reference':
    'Gói {{file}} của {{owner}} có dòng {{table}} trỏ tới dữ liệu {{target}} ({{column}}) thuộc {{rowOwner}}. Một đơn vị chỉ được trỏ tới dữ liệu của mình hoặc danh mục của thành phố; gói bị từ chối.',
} satisfies Record<string, string>;

export const trustMessagesEn: Record<keyof typeof trustMessagesVi, string> = {
  'bundle.origin_own':
    "Bundle {{file}} from {{owner}} writes under installation id {{origin}}, which is this computer's own. Nothing from outside may enter this computer's change log; the bundle was refused. Tell your security officer.",
  'bundle.origin_taken':
    'Bundle {{file}} from {{owner}} writes under installation id {{origin}}, which belongs to {{originOwner}}. No organisation may write for another; the bundle was refused. Tell your security officer.',
  'bundle.id_reused':
    'Bundle {{file}} from {{owner}} reuses bundle id {{bundleId}} of a different bundle already received. Ask {{owner}} to export again with WardPlan.',
  'bundle.bad_range':
    'Bundle {{file}} declares changes {{seqFrom}} to {{seqTo}}, but the last change it carries is number {{last}}. It was refused; ask the sender to export again.',
  'bundle.row_too_large':
    'Bundle {{file}} holds a data line longer than the {{limitKb}} KB limit and was refused without reading it all. Ask the sender to check the data and export again.',
  'bundle.foreign_reference':
    "Bundle {{file}} from {{owner}} has a {{table}} row pointing at {{target}} data ({{column}}) that belongs to {{rowOwner}}. An organisation may point only at its own data or the city's catalog; the bundle was refused.",
};
