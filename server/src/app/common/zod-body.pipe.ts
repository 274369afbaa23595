import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';

/** Validates a request body with a shared zod schema; 400 with every problem listed. */
export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  /**
   * With `code`, the problems travel as `details: {code, issues}` (the protocol code in
   * `details.code`, as the sync twins send it) instead of the bare list.
   */
  constructor(
    private readonly schema: T,
    private readonly options: { code?: string } = {},
  ) {}

  transform(value: unknown): z.output<T> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const all = parsed.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: key, message: 'is not an accepted field' }))
        : [{ path: issue.path.map(String).join('.') || 'body', message: issue.message }],
    );
    // One check can fail twice for one value (an integer beyond the safe range is also not an
    // integer): each problem is said once.
    const details = all.filter(
      (d, i) => all.findIndex((o) => o.path === d.path && o.message === d.message) === i,
    );
    throw new BadRequestException({
      message: details.map((d) => `${d.path} ${d.message}`).join('; '),
      details: this.options.code ? { code: this.options.code, issues: details } : details,
    });
  }
}
