import type { Language } from '../i18n/languages.js';

/** The API's error body: a stable code and a message in both languages; never the input, never a stack. */
export interface ApiError {
  readonly code: string;
  readonly message: Readonly<Record<Language, string>>;
}

/** Messages of the API's own codes (input and record errors carry the project's own messages). */
export const API_MESSAGES: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  UNAUTHORIZED: { en: 'A valid API key is required: Authorization: Bearer <key>.', fr: 'Une clé d’API valide est requise : Authorization: Bearer <clé>.' },
  PAYLOAD_TOO_LARGE: { en: 'The body is larger than 1 MiB.', fr: 'Le corps dépasse 1 Mio.' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'The body must be application/json.', fr: 'Le corps doit être de type application/json.' },
  BAD_REQUEST: { en: 'The request cannot be read.', fr: 'La requête ne peut pas être lue.' },
  NOT_FOUND: { en: 'Nothing is found at this address.', fr: 'Rien ne se trouve à cette adresse.' },
  DECISION_NOT_FOUND: { en: 'No decision has that id.', fr: 'Aucune décision ne porte cet identifiant.' },
  DECISION_PURGED: { en: 'The decision was purged.', fr: 'La décision a été purgée.' },
  PERSON_OUTCOME_CONFLICT: { en: 'The person already has another recorded outcome.', fr: 'Un autre résultat est déjà inscrit pour cette personne.' },
  STORE_INPUT_INVALID: { en: 'A field does not have the expected form.', fr: 'Un champ n’a pas la forme attendue.' },
  FOLLOW_UP_PERSON_UNKNOWN: { en: 'No follow-up of the decision names that person.', fr: 'Aucun suivi de la décision ne nomme cette personne.' },
  INTAKE_UNAVAILABLE: { en: 'This server does not accept decisions yet.', fr: 'Ce serveur n’accepte pas encore de décisions.' },
  RATE_LIMITED: { en: 'Too many requests; try again later.', fr: 'Trop de requêtes; réessayez plus tard.' },
  INTERNAL: { en: 'An internal error occurred; it is reported with its code only.', fr: 'Une erreur interne s’est produite; elle est signalée par son code seulement.' },
};

/** The body for one of the API's own codes. */
export function apiError(code: string): ApiError {
  return { code, message: API_MESSAGES[code] ?? API_MESSAGES.INTERNAL ?? { en: code, fr: code } };
}
