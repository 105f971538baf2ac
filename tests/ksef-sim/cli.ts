// npm run sim -- [--port N] [--seed S] [--env test|demo|production] [--demo] [--no-rate-limits] [--quiet]
// Starts the simulator on 127.0.0.1 and prints where it listens; Ctrl+C stops it.
import { seedDemo, DEMO_ORGANISATIONS } from './demo';
import { startSimulator } from './simulator';
import type { SimEnvironment } from './state';

const DEFAULT_PORT = 8123;

const USAGE = 'usage: npm run sim -- [--port N] [--seed S] [--env test|demo|production] [--demo] [--no-rate-limits] [--quiet]';

function parseArgs(argv: string[]) {
  const args = { port: DEFAULT_PORT, seed: 'ksef-sim' as string, env: 'test' as SimEnvironment, demo: false, rateLimits: true, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new TypeError(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--port') args.port = Number(value());
    else if (arg === '--seed') args.seed = value();
    else if (arg === '--env') args.env = value() as SimEnvironment;
    else if (arg === '--demo') args.demo = true;
    else if (arg === '--no-rate-limits') args.rateLimits = false;
    else if (arg === '--quiet') args.quiet = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new TypeError(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65_535) throw new TypeError(`--port must be 0…65535\n${USAGE}`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sim = await startSimulator({
    port: args.port,
    seed: args.seed,
    environment: args.env,
    rateLimits: args.rateLimits ? undefined : false,
    log: args.quiet ? undefined : (line) => console.log(line),
  });
  console.log(`KSeF simulator (${args.env}) listening on ${sim.url}`);
  console.log(`  API base URL: ${sim.baseUrl}`);
  console.log(`  admin API:    ${sim.url}/admin/… (see tests/ksef-sim/README.md)`);
  if (args.demo) {
    const seeded = seedDemo(sim.admin, sim.state.clock.now());
    console.log(`  demo data: ${seeded.purchase} purchase and ${seeded.sales} sales invoices for ${DEMO_ORGANISATIONS.map((o) => `${o.nip} (${o.name})`).join(', ')}`);
  }
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
