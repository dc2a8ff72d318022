// The roles a model plays for the loop, one name for the agents, the local models and the events that report them.
/**
 * The architect plans; the reviewer writes the tests; the coder edits the project to make them pass; the supervisor
 * judges a round (reviewing, or in INTERVENE).
 */
export type Role = 'architect' | 'reviewer' | 'coder' | 'supervisor';
