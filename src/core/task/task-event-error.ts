/** An event that cannot apply to the record as it stands (no record yet, another task's event, an illegal move). */
export class TaskEventError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaskEventError';
  }
}
