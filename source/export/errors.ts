/** Bad input found while exporting (a marker the cast lacks, a missing optional package): one line, exit 2. */
export class ExportInputError extends Error {}
