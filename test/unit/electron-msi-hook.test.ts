import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp';

const require = createRequire(import.meta.url);
const repo = path.resolve(__dirname, '..', '..');
const hook = require('../../build/msi-project-created.cjs') as ((file: string) => Promise<void>) & { limitPrivileges(wxs: string): string };

describe('the MSI hook that makes the per-user install need no administrator', () => {
  it('marks the Package of electron-builder’s own template as needing no elevation', async () => {
    const template = fs.readFileSync(path.join(repo, 'node_modules', 'app-builder-lib', 'templates', 'msi', 'template.xml'), 'utf8');
    // The template must still make the per-user install the hook assumes.
    expect(template).toContain('<Property Id="MSIINSTALLPERUSER" Secure="yes" Value="1"/>');
    const file = path.join(tempDir(), 'project.wxs');
    fs.writeFileSync(file, template);
    await hook(file);
    const out = fs.readFileSync(file, 'utf8');
    expect(out).toMatch(/<Package InstallPrivileges="limited" Compressed="yes"/);
    expect(out.match(/InstallPrivileges=/g)).toHaveLength(1);
  });

  it('is idempotent and refuses a template it does not recognise', () => {
    const once = hook.limitPrivileges('<Wix><Product><Package InstallPrivileges="elevated" Compressed="yes"/></Product></Wix>');
    expect(once).toBe('<Wix><Product><Package InstallPrivileges="limited" Compressed="yes"/></Product></Wix>');
    expect(hook.limitPrivileges(once)).toBe(once);
    expect(() => hook.limitPrivileges('<Wix><Product/></Wix>')).toThrow(/template has changed/);
  });
});
