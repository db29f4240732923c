/** An error in how the command was called, or a refusal before anything ran (exit code 2). */
export class UsageError extends Error {}
