/** A rule of the domain said no. The message is written for the person using the service. */
export class DomainError extends Error {
  constructor(
    message: string,
    public readonly code: string = "DOMAIN",
    public readonly fieldErrors?: Record<string, string>,
    public readonly data?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Someone else saved first (optimistic concurrency). `data.current` carries their version. */
export class ConflictError extends DomainError {
  constructor(message: string, data?: Record<string, unknown>) {
    super(message, "CONFLICT", undefined, data);
    this.name = "ConflictError";
  }
}
