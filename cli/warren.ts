/**
 * The `warren` command: mirroring your own brokers (`warren mirror …`) and
 * headless captures (`warren record …`, `warren replay …`). Each command
 * lives in its own module and is loaded only when asked for.
 */
const USAGE = `usage: warren <command> [options]

  mirror plan|apply|status|remove   set up, check and undo mirroring from your origin broker to a mirror
  record                            capture from the mirror to an NDJSON file (the page's export format)
  replay                            re-publish a capture file to a broker

warren <command> --help for a command's options.`;

const COMMANDS: Record<string, () => Promise<{ main(args: string[]): Promise<number> }>> = {
  mirror: () => import('./mirror/command.ts'),
  record: () => import('./capture/record.ts'),
  replay: () => import('./capture/replay.ts'),
};

export async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const load = COMMANDS[command];
  if (!load) {
    console.error(`warren: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  return (await load()).main(args);
}

process.exitCode = await run(process.argv.slice(2));
