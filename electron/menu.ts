/**
 * The Vietnamese application menu, as data. Only Electron's types are imported, so the template
 * (and the rule that DevTools never ships) is unit-tested without an Electron binary.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  backup(): void;
  about(): void;
}

/** '&' marks the Alt-key letter on Windows and Linux, so the menu is reachable by keyboard alone. */
export function buildMenuTemplate(opts: { isPackaged: boolean; actions: MenuActions }): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [{ label: 'Tải lại', role: 'reload' }];
  // Developer tools only in development: in an installed app they would let anyone at the
  // officer's desk run code with the page's access to the ward's data.
  if (!opts.isPackaged) view.push({ label: 'Công cụ nhà phát triển', role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { label: 'Phóng to', role: 'zoomIn' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { label: 'Kích thước thật', role: 'resetZoom' },
    { type: 'separator' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' },
  );
  return [
    {
      label: '&Tệp',
      submenu: [
        { label: 'Sao lưu…', accelerator: 'CmdOrCtrl+Shift+S', click: () => opts.actions.backup() },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: '&Chỉnh sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    { label: '&Hiển thị', submenu: view },
    {
      label: 'Trợ &giúp',
      submenu: [{ label: 'Giới thiệu WardPlan', click: () => opts.actions.about() }],
    },
  ];
}
