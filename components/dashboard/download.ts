/**
 * Hands a file to the browser's downloads (an extension page may download its own blobs; nothing leaves the
 * computer). The one way the dashboard saves a file: datasets, comparisons, reference packs, rescue copies.
 */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves a JSON value as a file. */
export function downloadJson(name: string, value: unknown): void {
  download(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }), name);
}
