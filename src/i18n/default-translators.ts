import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import type { Language } from './languages.js';
import { readLocaleFiles, type LocaleResources } from './locale-files.js';
import { createTranslators, type Translate, type Translators } from './translator.js';

let resources: LocaleResources | undefined;
let translators: Translators | undefined;

/**
 * The locale files shipped in the package's `locales/`, read on first use (never when a module is
 * imported). For the edges that have no renderer of their own: command-line messages, validation
 * messages, tests.
 */
export function defaultLocaleResources(): LocaleResources {
  resources ??= readLocaleFiles(join(packageRoot(), 'locales'));
  return resources;
}

/** The translators of the shipped locales, built on first use and shared by the process. */
export function defaultTranslators(): Translators {
  translators ??= createTranslators(defaultLocaleResources());
  return translators;
}

/** The shipped translator of one language. */
export function defaultTranslator(language: Language): Translate {
  return defaultTranslators()[language];
}
