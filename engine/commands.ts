// The one definition of what the outside world can ask of a running engine.
export type EngineCommand =
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'redirect'; text: string }
  | { type: 'escalate'; reason?: string }
  | { type: 'intervene' }
  | { type: 'skip' }
  /** Change a limit from the next round (live keys of factory_config.md only). */
  | { type: 'set'; key: string; value: string }
  /** Lifts the lock of a test file (path relative to the project) from the next round on. */
  | { type: 'unlock'; path: string }
  /** now: abort the current step instead of letting it finish. */
  | { type: 'stop'; now?: boolean };
