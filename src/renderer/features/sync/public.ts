/** What other features may use of sync: the form that connects (or joins) this console to the office's server. */
export { ConnectServerForm } from './ConnectServerForm';
