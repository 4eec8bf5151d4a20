/**
 * Rule ids that code outside the rules names (the run's note filter), in a module of their own
 * so that naming one loads no rule.
 */

/** The rule reported once per secret and namespace in a run (see `onceEach`). */
export const NOT_IN_NAMESPACE = 'pull-secret-not-in-namespace';
