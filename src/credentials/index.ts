/** Detection of registry logins committed in plain (base64) form. */
export { findPlaintextRegistryCredentials, type PlaintextRegistryCredentials } from './detect.js';
export { isPlaceholderValue } from './placeholder.js';
export { decodeDockerAuth } from './docker-auth.js';
