/** Offers `text` as a download named `fileName`, the way a browser saves any file. */
export function saveTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by the next task; the object URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
