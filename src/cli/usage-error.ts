/** A mistake in how the command was called: exit code 2, message without a stack. */
export class UsageError extends Error {}
