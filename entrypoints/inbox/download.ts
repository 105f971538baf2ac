// Saves text as a file through an <a download> link: no downloads permission is needed for a page's own blob.
export function saveTextFile(text: string, fileName: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a KSeF number: only characters every file system accepts. */
export function xmlFileName(ksefNumber: string): string {
  return `${ksefNumber.replace(/[^0-9A-Za-z-]/g, '_')}.xml`;
}
