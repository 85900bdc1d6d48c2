/** Converts between instants and office-local "YYYY-MM-DDTHH:mm" input values: see src/shared/date-format.ts. */
export { fromOfficeInput, toOfficeInput } from '../../../shared/date-format';
