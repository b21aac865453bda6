/**
 * electron-builder hook (msiProjectCreated): runs on the generated WiX source before it is
 * compiled into the MSI.
 *
 * Why: electron-builder's MSI template sets ALLUSERS=2 and MSIINSTALLPERUSER=1 for a per-user
 * install, but does not mark the package as needing no elevation. Since Windows Installer 4.0
 * a package must opt in to that (Package/@InstallPrivileges="limited", which sets bit 3 of the
 * Word Count summary property); without it a standard user double-clicking the MSI meets a UAC
 * prompt asking for an administrator's password, which ward officers do not have.
 *
 * The Windows CI checks the bit on the built MSI (.github/workflows/windows.yml).
 */
'use strict';
const fs = require('node:fs');

/** Adds InstallPrivileges="limited" to the one <Package> element; refuses a template it does not recognise. */
function limitPrivileges(wxs) {
  const packages = wxs.match(/<Package\b[^>]*>/g) ?? [];
  if (packages.length !== 1)
    throw new Error(
      `msiProjectCreated: expected one <Package> element in the WiX source, found ${packages.length}; electron-builder's MSI template has changed, review build/msi-project-created.cjs`,
    );
  if (/\bInstallPrivileges=/.test(packages[0])) return wxs.replace(/\bInstallPrivileges="[^"]*"/, 'InstallPrivileges="limited"');
  return wxs.replace(/<Package\b/, '<Package InstallPrivileges="limited"');
}

async function msiProjectCreated(projectFile) {
  fs.writeFileSync(projectFile, limitPrivileges(fs.readFileSync(projectFile, 'utf8')));
}

module.exports = msiProjectCreated;
module.exports.msiProjectCreated = msiProjectCreated;
module.exports.limitPrivileges = limitPrivileges;
