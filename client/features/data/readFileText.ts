/**
 * A chosen or dropped file's text. UTF-8 first; a file that is not valid UTF-8 is read as Windows-1252, the
 * encoding of "CSV (séparateur : point-virgule)" saved by Excel on French Windows.
 */
export async function readFileText(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer()
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}
