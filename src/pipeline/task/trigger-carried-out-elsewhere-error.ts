/**
 * Thrown by a status board's move when another delivery of the same trigger wrote the status
 * first (its `handled_triggers` holds the trigger before any write of this run stood): that run
 * carries the trigger out, so this one stops without writing, and generates nothing. The run's
 * outcome is `ignored` (`already_handled`), not a failure.
 */
export class TriggerCarriedOutElsewhereError extends Error {
  constructor(why: string) {
    super(why);
    this.name = 'TriggerCarriedOutElsewhereError';
  }
}
