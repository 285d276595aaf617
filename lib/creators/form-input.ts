// The create-creator form posts flat fields ("platforms.0.handle"); the schema wants a nested
// object. Field names equal the schema's error paths, so errors land under the right input.

/** How many platform rows the create form shows; empty rows are ignored. */
export const FORM_PLATFORM_ROWS = 3;

const PLATFORM_FIELD = /^platforms\.(\d+)\.(platform|handle|followers)$/;

export function creatorFormInput(values: Record<string, string>) {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const match = PLATFORM_FIELD.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const index = Number(match[1]);
    if (index >= FORM_PLATFORM_ROWS) continue; // only the rows the form has; nothing else is read
    rows[index] = { ...rows[index], [match[2]]: value };
  }
  return {
    name: values.name,
    email: values.email,
    niche: values.niche,
    notes: values.notes,
    platforms: Array.from({ length: rows.length }, (_, index) => rows[index] ?? {}),
  };
}
