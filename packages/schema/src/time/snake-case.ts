/** `timeStartLocal` → `time_start_local`: API field names as the legacy API and its messages spell them. */
export function toSnakeCase(camelCase: string): string {
  return camelCase.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
