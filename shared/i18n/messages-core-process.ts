/** Messages of the core running apart from the window or the server (a utility process, a worker thread). */
export const coreProcessMessagesVi = {
  'core.stopped': 'Phần xử lý dữ liệu của ứng dụng đã dừng ({{reason}}). Thao tác vừa rồi có thể chưa hoàn tất; hãy khởi động lại ứng dụng rồi kiểm tra lại.',
};

export const coreProcessMessagesEn: Record<keyof typeof coreProcessMessagesVi, string> = {
  'core.stopped': 'The part of the app that handles the data has stopped ({{reason}}). The last action may not have finished; restart the app and check.',
};
