/**
 * The Node flags a benchmark child process starts with: the caller's own (e.g. the heap probe's
 * preload) and, with `--cpu-prof`, V8's profiler writing `<name>-<time>.cpuprofile` into the
 * run's profile folder.
 */
export function childNodeArgs(
  nodeArgs: readonly string[] | undefined,
  cpuProfileDir: string | null | undefined,
  profileName: string,
): string[] {
  return [
    ...(nodeArgs ?? []),
    ...(cpuProfileDir
      ? [
          '--cpu-prof',
          `--cpu-prof-dir=${cpuProfileDir}`,
          `--cpu-prof-name=${profileName}-${Date.now()}.cpuprofile`,
        ]
      : []),
  ];
}
