/**
 * `npm run verify -- FILE.wacz`: whether an archive Cited made (a library backup or an article archive) is as it
 * was made, by the same check restore runs: every file against its SHA-256 in datapackage.json, that list against
 * datapackage-digest.json, and the signature when there is one.
 *
 * Exit codes: 0 the file verifies (signed or not: an unsigned file says so), 1 it does not (a file altered,
 * missing or added, a signature that does not hold, not a WACZ at all), 2 usage error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { errorMessage } from '../core/errors/cited-error';
import { problemText, verifyPackage } from '../core/storage/backup/verify';

export const USAGE = `Usage: npm run verify -- FILE.wacz

Checks that a web archive Cited made is as it was made: each file against its SHA-256, and the signature.

Exit codes: 0 it verifies; 1 it does not; 2 usage error.`;

export interface VerifyIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export async function runVerifyCli(argv: string[], io: VerifyIo): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const [file, ...rest] = argv;
  if (!file || rest.length > 0) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    io.stderr(
      `${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 2;
  }
  let files: ReturnType<typeof unzipSync>;
  try {
    files = unzipSync(bytes);
  } catch {
    io.stdout(`${name}: NOT VERIFIED. It is not a WACZ or ZIP file.\n`);
    return 1;
  }
  const check = await verifyPackage(files);
  if (check.problems.length > 0) {
    io.stdout(
      `${name}: NOT VERIFIED. It was altered or damaged after it was made:\n${check.problems
        .map((problem) => `  ${problemText(problem)}\n`)
        .join('')}`,
    );
    return 1;
  }
  const { signature } = check;
  io.stdout(
    `${name}: verified. ${check.filesChecked} files match their SHA-256 in datapackage.json.\n${
      signature.state === 'signed'
        ? `  Signed ${signature.created} by ${signature.software || 'unnamed software'} with the key whose fingerprint is\n  ${signature.fingerprint}\n  (SHA-256 of the public key). The signature proves the files are as that key's holder signed them, not who the holder is.\n`
        : '  Not signed: the files are whole, but whoever changed one could have recomputed the digests.\n'
    }`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runVerifyCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`cited verify: ${errorMessage(error)}\n`);
      process.exitCode = 1;
    },
  );
}
