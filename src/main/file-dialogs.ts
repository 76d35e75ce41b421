import { type BrowserWindow, dialog } from 'electron';
import type { ChoosePathRequest } from '../shared/app-shell';

/** The system's own open and save dialogs; the window only ever learns the path chosen. */
export async function choosePath(
  window: BrowserWindow,
  request: ChoosePathRequest,
): Promise<string | null> {
  const filters = request.filters ?? [];
  if (request.mode === 'save-file') {
    const result = await dialog.showSaveDialog(window, {
      title: request.title,
      ...(request.defaultName ? { defaultPath: request.defaultName } : {}),
      filters,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    return result.canceled || !result.filePath ? null : result.filePath;
  }
  const result = await dialog.showOpenDialog(window, {
    title: request.title,
    filters,
    properties:
      request.mode === 'open-file'
        ? ['openFile']
        : [
            'openDirectory',
            ...(request.mode === 'choose-folder' ? (['createDirectory'] as const) : []),
          ],
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
