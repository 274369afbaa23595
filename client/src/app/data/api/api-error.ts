import { HttpErrorResponse } from '@angular/common/http';

/** The body the server sends with every failed request. */
interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** A failed API call, carrying the message that is safe and useful to show to the user. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const unreachableMessage = 'Cannot reach the FinWise server. Check your connection and try again.';
const fallbackMessage = 'Something went wrong. Please try again.';

/** Turns whatever HttpClient threw into an ApiError whose message comes from the server when it sent one. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (!(error instanceof HttpErrorResponse)) {
    return new ApiError(fallbackMessage, 0);
  }
  if (error.status === 0) {
    return new ApiError(unreachableMessage, 0);
  }
  const body: unknown = error.error;
  if (isApiErrorBody(body)) {
    return new ApiError(body.message, error.status, body.details);
  }
  return new ApiError(fallbackMessage, error.status);
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<ApiErrorBody>).message === 'string' &&
    (value as Partial<ApiErrorBody>).message !== ''
  );
}
