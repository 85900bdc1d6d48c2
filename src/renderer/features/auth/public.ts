/**
 * What other features may use of auth (the lint rule in eslint.config.js allows a feature's
 * `public.ts` and nothing else of it): a new user's credentials (users screen, first-run setup)
 * and collecting a countersigner's key (the wipe's verifier).
 */
export { newCredentials } from './credentials';
export { collectCosigners, type CosignProblem } from './cosign';
