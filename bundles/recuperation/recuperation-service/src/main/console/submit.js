// The saving of this module's own dialogs (the kit's FormDialog has no member picker or quota rows) is the kit's
// useSubmit now, shared with the other modules' dialogs.
export { useSubmit } from '@unionhub/console-kit';
