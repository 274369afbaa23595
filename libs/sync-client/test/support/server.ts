// tools/testing is workspace test tooling shared by several projects, not a library with an
// import alias; this file is the one place sync-client's tests reach into it.
// eslint-disable-next-line @nx/enforce-module-boundaries
export * from '../../../../tools/testing/server-process';
