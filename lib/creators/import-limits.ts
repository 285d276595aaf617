// Limits and columns of the creator CSV import, apart from the parser so the upload form can
// show them (and check the file size) without shipping the parser to the browser.
export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 5_000;
export const IMPORT_COLUMNS = ["name", "email", "platform", "handle", "followers"] as const;
