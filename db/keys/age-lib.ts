/**
 * The age library, reached only through `import('./age-lib')`: an ES module that costs a command
 * line call about a quarter of its start-up, loaded by the first key made or bundle sealed or
 * opened. In the built command line this module is one the bundle starts on demand, which then
 * requires the package; an `import()` of the package itself would need a loader the bundle's
 * script does not have.
 */
export { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
