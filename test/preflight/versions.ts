import { execFileSync } from 'node:child_process';

/** What `<browser> --version` prints, first line only ("Chromium 156.0.8078.129 built on Debian ..."). */
export function browserVersion(executable: string): string {
  try {
    const printed = execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 20_000,
    });
    return printed.split('\n')[0]?.trim() || `${executable} (printed no version)`;
  } catch (error) {
    throw new Error(`${executable} could not even print its version: ${(error as Error).message}`);
  }
}
