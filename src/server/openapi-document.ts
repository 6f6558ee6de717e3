import { decisionJsonSchema } from '../decision/json-schema.js';

/** One description in both languages: English first, then French, and both again under `x-description`. */
function described(en: string, fr: string): { description: string; 'x-description': { en: string; fr: string } } {
  return { description: `${en}\n\n${fr}`, 'x-description': { en, fr } };
}

const error = { $ref: '#/components/schemas/Error' };
const issues = { $ref: '#/components/schemas/Issues' };
const json = (schema: unknown) => ({ 'application/json': { schema } });
const decisionId = { name: 'decisionId', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' } };

/** The OpenAPI 3.1 document of `/api/v1`, its record schema generated from the zod schema (`decisionJsonSchema`). */
export function buildOpenApi(): Record<string, unknown> {
  // OpenAPI 3.1 schemas take their dialect from the document, not from a `$schema` of their own.
  const record = Object.fromEntries(Object.entries(decisionJsonSchema()).filter(([key]) => key !== '$schema'));
  const unauthorized = { ...described('No valid API key.', 'Aucune clé d’API valide.'), content: json(error) };
  return {
    openapi: '3.1.0',
    info: {
      title: 'hc-correspondence API',
      version: '1',
      ...described(
        'Upstream case systems send H&C decision records; each is validated, planned, rendered and stored, then waits for an officer’s approval.',
        'Les systèmes de gestion des cas envoient des dossiers de décision CH; chacun est validé, planifié, rendu et conservé, puis attend l’approbation d’un agent.',
      ),
    },
    servers: [{ url: '/' }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/decisions': {
        post: {
          operationId: 'submitDecision',
          ...described('Submit one decision record (JSON, at most 1 MiB).', 'Soumettre un dossier de décision (JSON, 1 Mio au plus).'),
          requestBody: { required: true, content: json({ $ref: '#/components/schemas/DecisionRecord' }) },
          responses: {
            '202': { ...described('Accepted: stored as a new decision or revision; the plan and a status URL.', 'Accepté : conservé comme nouvelle décision ou révision; le plan et l’adresse de suivi.'), content: json({ $ref: '#/components/schemas/Submitted' }) },
            '200': { ...described('The same record again: unchanged, nothing written.', 'Le même dossier : inchangé, rien n’est écrit.'), content: json({ $ref: '#/components/schemas/Submitted' }) },
            '400': { ...described('Not strict JSON, or not an object.', 'Pas du JSON strict, ou pas un objet.'), content: json(issues) },
            '401': unauthorized,
            '413': { ...described('Larger than 1 MiB.', 'Plus de 1 Mio.'), content: json(error) },
            '415': { ...described('Not application/json.', 'Pas application/json.'), content: json(error) },
            '422': { ...described('Not a valid decision record: the errors of `hcc validate`.', 'Dossier de décision non valide : les erreurs de `hcc validate`.'), content: json(issues) },
          },
        },
      },
      '/api/v1/decisions/{decisionId}': {
        get: {
          operationId: 'decisionStatus',
          parameters: [decisionId],
          ...described('The decision’s items and their states, and its follow-ups.', 'Les éléments de la décision, leur état et ses suivis.'),
          responses: { '200': { ...described('The status.', 'L’état.'), content: json({ type: 'object' }) }, '401': unauthorized, '404': { ...described('No such decision.', 'Aucune décision de ce nom.'), content: json(error) } },
        },
      },
      '/api/v1/decisions/{decisionId}/departure-confirmations': {
        post: {
          operationId: 'confirmDeparture',
          parameters: [decisionId],
          ...described('Record that one person left Canada on a day.', 'Inscrire qu’une personne a quitté le Canada à une date.'),
          requestBody: { required: true, content: json({ type: 'object', required: ['uci', 'on'], properties: { uci: { type: 'string' }, on: { type: 'string', format: 'date' }, by: { type: 'string' } } }) },
          responses: { '200': { ...described('Recorded (or already recorded).', 'Inscrit (ou déjà inscrit).'), content: json({ type: 'object' }) }, '401': unauthorized, '404': { ...described('No such decision.', 'Aucune décision de ce nom.'), content: json(error) }, '409': { ...described('Another outcome is recorded.', 'Un autre résultat est inscrit.'), content: json(error) }, '422': { ...described('A field is malformed.', 'Un champ est mal formé.'), content: json(error) } },
        },
      },
      '/api/v1/decisions/{decisionId}/trp-decisions': {
        post: {
          operationId: 'recordTrpDecision',
          parameters: [decisionId],
          ...described('Record the designated decision-maker’s TRP decision for one person.', 'Inscrire la décision du décideur désigné sur le PST d’une personne.'),
          requestBody: { required: true, content: json({ type: 'object', required: ['uci', 'decision'], properties: { uci: { type: 'string' }, decision: { enum: ['issued', 'refused'] }, by: { type: 'string' } } }) },
          responses: { '200': { ...described('Recorded (or already recorded).', 'Inscrit (ou déjà inscrit).'), content: json({ type: 'object' }) }, '401': unauthorized, '404': { ...described('No such decision.', 'Aucune décision de ce nom.'), content: json(error) }, '409': { ...described('Another outcome is recorded.', 'Un autre résultat est inscrit.'), content: json(error) }, '422': { ...described('A field is malformed.', 'Un champ est mal formé.'), content: json(error) } },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', ...described('A key from `hcc api-key create`.', 'Une clé de `hcc api-key create`.') } },
      schemas: {
        DecisionRecord: record,
        Message: { type: 'object', required: ['en', 'fr'], properties: { en: { type: 'string' }, fr: { type: 'string' } } },
        Error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { $ref: '#/components/schemas/Message' } } },
        Issues: {
          type: 'object',
          required: ['valid', 'errors'],
          properties: { valid: { const: false }, errors: { type: 'array', items: { type: 'object', required: ['path', 'code', 'message'], properties: { path: { type: 'string' }, code: { type: 'string' }, message: { $ref: '#/components/schemas/Message' } } } } },
        },
        Submitted: {
          type: 'object',
          required: ['status', 'decisionId', 'revision', 'statusUrl'],
          properties: { status: { enum: ['created', 'revised', 'unchanged'] }, decisionId: { type: 'string' }, revision: { type: 'integer' }, recordSha256: { type: 'string' }, plan: { type: 'object' }, statusUrl: { type: 'string' } },
        },
      },
    },
  };
}
