// Runs the CLI in-process with captured streams (fast; the spawned binary is tested separately).
import { runCli } from '../../src/cli/main.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export async function runCliCaptured(args: readonly string[], stdin = '', env: Record<string, string | undefined> = { NO_COLOR: '1' }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['node', 'ing2gw', ...args], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: async () => stdin,
    stdinIsTTY: false,
    stderrIsTTY: false,
    env,
  });
  return { stdout, stderr, exitCode };
}
