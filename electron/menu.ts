/**
 * The application menu, as data, in the language of the main process's dialogs. Only Electron's
 * types are imported, so the template (its labels in both languages, and the rule that DevTools
 * never ships) is unit-tested without an Electron binary.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../shared/i18n/messages';
import { dialogText } from './dialog-texts';

export interface MenuActions {
  backup(): void;
  about(): void;
}

/** '&' in a label marks the Alt-key letter on Windows and Linux, so the menu is reachable by keyboard alone. */
export function buildMenuTemplate(opts: { isPackaged: boolean; lang: Lang; actions: MenuActions }): MenuItemConstructorOptions[] {
  const t = (key: Parameters<typeof dialogText>[1]) => dialogText(opts.lang, key);
  const view: MenuItemConstructorOptions[] = [{ label: t('menu.reload'), role: 'reload' }];
  // Developer tools only in development: in an installed app they would let anyone at the
  // officer's desk run code with the page's access to the ward's data.
  if (!opts.isPackaged) view.push({ label: t('menu.dev_tools'), role: 'toggleDevTools' });
  view.push(
    { type: 'separator' },
    { label: t('menu.zoom_in'), role: 'zoomIn' },
    { label: t('menu.zoom_out'), role: 'zoomOut' },
    { label: t('menu.zoom_reset'), role: 'resetZoom' },
    { type: 'separator' },
    { label: t('menu.full_screen'), role: 'togglefullscreen' },
  );
  return [
    {
      label: t('menu.file'),
      submenu: [
        { label: t('menu.backup'), accelerator: 'CmdOrCtrl+Shift+S', click: () => opts.actions.backup() },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.select_all'), role: 'selectAll' },
      ],
    },
    { label: t('menu.view'), submenu: view },
    {
      label: t('menu.help'),
      submenu: [{ label: t('menu.about'), click: () => opts.actions.about() }],
    },
  ];
}
