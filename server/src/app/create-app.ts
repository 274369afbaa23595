import { BadRequestException, Logger, type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import helmet from 'helmet';
import { buildOpenApiDocument } from './api-docs/openapi-document';
import { AppModule } from './app.module';
import { isAllowedOrigin } from './common/origin-policy';
import type { AppConfig } from './config/app-config';
import { SyncIoAdapter } from './realtime/sync-io-adapter';

/** `POST /api/import/household` and the largest backup it takes. */
const RESTORE_PATH = '/api/import/household';
export const RESTORE_BODY_LIMIT = '50mb';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Builds the whole server (HTTP, sockets, docs, static app) without listening yet. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: LOG_LEVELS[config.logLevel],
    bodyParser: false,
  });
  // A household backup is the one body larger than a sync batch: it gets its own limit, and
  // the general parser then leaves the already parsed body alone.
  // Only requests that carry a token get it: an anonymous 50 MB body stops at the 1 MB limit.
  const restoreParser = json({ limit: RESTORE_BODY_LIMIT });
  app.use(
    RESTORE_PATH,
    (req: { headers: Record<string, unknown> }, res: unknown, next: () => void) =>
      req.headers['authorization'] ? restoreParser(req as never, res as never, next) : next(),
  );
  app.useBodyParser('json', { limit: '1mb' });
  // Nest turns body-parser's SyntaxError into a 400 that repeats the parser's message, which
  // quotes the caller's body back; answer with one fixed sentence instead.
  app.use((error: unknown, _req: unknown, _res: unknown, next: (error?: unknown) => void) => {
    next(
      (error as { type?: unknown })?.type === 'entity.parse.failed'
        ? new BadRequestException('request body is not valid JSON')
        : error,
    );
  });
  app.setGlobalPrefix('api', { exclude: [] });
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');

  const strictHelmet = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // 'self' covers same-origin ws:// and wss:// (CSP 3), so sockets cannot reach other hosts.
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        // The app is also served over plain http on home networks.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Swagger UI boots with an inline script; its pages get the other headers but no CSP.
  const docsHelmet = helmet({ contentSecurityPolicy: false });
  app.use((req: { path: string }, res: unknown, next: () => void) =>
    (req.path.startsWith('/api/docs') ? docsHelmet : strictHelmet)(
      req as never,
      res as never,
      next,
    ),
  );

  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'POST', 'PATCH', 'DELETE'],
      maxAge: 600,
    });
  }
  // Browsers on foreign origins may not call the API at all (CORS only hides responses).
  app.use(
    (
      req: { headers: Record<string, string | undefined>; path: string },
      res: { status(n: number): { json(b: unknown): void } },
      next: () => void,
    ) => {
      if (
        req.path.startsWith('/api') &&
        !isAllowedOrigin(req.headers['origin'], req.headers['host'], config.corsOrigins)
      ) {
        res
          .status(403)
          .json({ statusCode: 403, error: 'Forbidden', message: 'origin not allowed' });
        return;
      }
      next();
    },
  );

  app.useWebSocketAdapter(
    new SyncIoAdapter(app, { corsOrigins: config.corsOrigins, redisUrl: config.redisUrl }),
  );

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

export async function listen(app: INestApplication, config: AppConfig): Promise<string> {
  await (config.host ? app.listen(config.port, config.host) : app.listen(config.port));
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://localhost:${address.port}`;
  new Logger('FinWise').log(`FinWise Sync listening on ${url}`);
  return url;
}
