/** What other features may use of desk backups: restoring a file at first run, and the hint after a restore. */
export { RestoreForm } from './RestoreForm';
export { RestoredConnectHint } from './RestoredConnectHint';
