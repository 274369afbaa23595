import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';

export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

/** Every HTTP error leaves as `{ statusCode, error, message, details? }`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): HttpErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const error = STATUS_CODES[statusCode] ?? 'Error';
      if (typeof raw === 'string') return { statusCode, error, message: raw };
      const { message, details } = raw as { message?: unknown; details?: unknown };
      const text = Array.isArray(message)
        ? message.join('; ')
        : typeof message === 'string'
          ? message
          : error;
      return details === undefined
        ? { statusCode, error, message: text }
        : { statusCode, error, message: text, details };
    }
    // body-parser reports oversized and malformed bodies with a `status` and a `type`.
    const status = (exception as { status?: unknown; type?: unknown })?.status;
    const type = (exception as { type?: unknown })?.type;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        type === 'entity.too.large'
          ? 'request body is too large'
          : type === 'entity.parse.failed'
            ? 'request body is not valid JSON'
            : (STATUS_CODES[status] ?? 'Bad request');
      return { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      error: 'Internal Server Error',
      message: 'Internal server error',
    };
  }
}
