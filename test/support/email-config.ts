import { readFileSync } from 'node:fs';
import type { EmailConfig } from '../../src/email/email-config.js';
import { FIXTURES } from './fixtures.js';

/** The configuration the fixtures render with (`fixtures/hcc.config.json`): every CBSA office they name has an address. */
export const FIXTURE_EMAIL_CONFIG = JSON.parse(readFileSync(`${FIXTURES}hcc.config.json`, 'utf8')) as EmailConfig;
