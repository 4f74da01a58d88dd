// The admin CLI's commands (`nuqta …`); main/entry/cli.ts parses the command line and calls these.
export * from './commands';
