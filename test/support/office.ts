/**
 * Generated documents through LibreOffice, the engine officers without Word print with: to PDF,
 * the PDF's text, page sizes, word heights, and page images kept under artifacts/reports/ for
 * a person to look at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/reports/', import.meta.url));

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** The tools missing on this machine; the LibreOffice tests are skipped when any is. */
export const MISSING_OFFICE_TOOLS = ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo', 'pdffonts'].filter((t) => !has(t));

/** A DOCX or XLSX → PDF with LibreOffice in its own profile (a shared one locks when tests run in parallel). */
export function toPdf(file: string): string {
  const dir = path.dirname(file);
  const profile = tempDir('lo-profile-');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
    timeout: 120_000,
    stdio: 'pipe',
  });
  const pdf = file.replace(/\.(docx|xlsx)$/, '.pdf');
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice made no PDF of ${file}`);
  return pdf;
}

/** The PDF's text with runs of white space made one; `page` limits it to one page. */
export function pdfText(pdf: string, opts: { layout?: boolean; page?: number } = {}): string {
  const range = opts.page ? ['-f', String(opts.page), '-l', String(opts.page)] : [];
  return execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), ...range, pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
}

export function pageOrientations(pdf: string): Array<'portrait' | 'landscape'> {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], {
    encoding: 'utf8',
  });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => (Number(m[1]) < Number(m[2]) ? 'portrait' : 'landscape'));
}

/** Height in points of every word box pdftotext reports: about 1.1–1.2 times the font size. */
export function wordHeights(pdf: string): Array<{ word: string; height: number }> {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], {
    encoding: 'utf8',
  });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    word: m[5]!,
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** Page images for a person to look at; replaced on every run. */
export function savePages(pdf: string, name: string): string[] {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  for (const old of fs.readdirSync(ARTIFACTS)) if (old.startsWith(`${name}-`)) fs.rmSync(path.join(ARTIFACTS, old));
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(ARTIFACTS, name)]);
  return fs.readdirSync(ARTIFACTS).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
}

/** Writes the bytes to a temp file with the given name, converts it, and keeps its page images. */
export function renderToPdf(bytes: Buffer, fileName: string): { pdf: string; pages: string[] } {
  const file = path.join(tempDir(), fileName);
  fs.writeFileSync(file, bytes);
  const pdf = toPdf(file);
  return { pdf, pages: savePages(pdf, fileName.replace(/\.(docx|xlsx)$/, '')) };
}
