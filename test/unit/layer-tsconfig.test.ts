import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** Each layer's tsconfig gives it only the globals of where it runs: a `window` in shared/ or a `process` in the renderer does not build. */
const repo = path.resolve(__dirname, '../..');

function errorsUnder(config: string, source: string): string[] {
  const read = ts.readConfigFile(path.join(repo, config), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, repo);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wardplan-tsconfig-'));
  const file = path.join(dir, 'probe.ts');
  fs.writeFileSync(file, source);
  try {
    const program = ts.createProgram([file], { ...parsed.options, typeRoots: [path.join(repo, 'node_modules', '@types')], noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('per-layer tsconfig', () => {
  it('shared/ sees neither the DOM nor Node', () => {
    expect(errorsUnder('tsconfig.shared.json', 'export const w = window.location;\n').join()).toMatch(/window/);
    expect(errorsUnder('tsconfig.shared.json', 'export const b = Buffer.from("x");\n').join()).toMatch(/Buffer/);
    expect(errorsUnder('tsconfig.shared.json', 'export const n = [1, 2].at(-1);\n')).toEqual([]);
  });

  it('the renderer sees the DOM but not Node', () => {
    expect(errorsUnder('tsconfig.renderer.json', 'export const p = process.env.HOME;\n').join()).toMatch(/process/);
    expect(errorsUnder('tsconfig.renderer.json', 'export const t = document.title;\n')).toEqual([]);
  });

  it('the core sees Node but not the DOM', () => {
    expect(errorsUnder('tsconfig.node.json', 'export const t = document.title;\n').join()).toMatch(/document/);
    expect(errorsUnder('tsconfig.node.json', 'export const b = Buffer.from("x");\n')).toEqual([]);
  });
});
