import { describe, expect, it } from 'vitest';
import { createOpenApiValidator, loadOpenApiValidator } from './openapi-check';

const doc = {
  paths: {
    '/things/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 3 } }],
        responses: { '200': { content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } }, '204': {} },
      },
    },
    '/things/special': { get: { responses: { '200': { content: { 'application/json': { schema: { type: 'string' } } } } } } },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['kind', 'parent'],
        properties: {
          kind: { allOf: [{ $ref: '#/components/schemas/Kind' }], nullable: true },
          parent: { type: 'string', nullable: true, enum: ['a', 'b'] },
          description: { type: 'string' },
          size: { type: 'integer', format: 'int32' },
          when: { type: 'string', format: 'date-time' },
        },
      },
      Kind: { type: 'string', enum: ['X', 'Y'] },
    },
  },
};

describe('createOpenApiValidator (OpenAPI 3.0 → ajv)', () => {
  const v = createOpenApiValidator(doc as never);

  it.each([
    [{ kind: 'X', parent: 'a' }, []],
    [{ kind: null, parent: null }, []],
    [{ kind: 'Z', parent: 'a' }, ['must be equal to one of the allowed values']],
    [{ kind: 'X', parent: 'c' }, ['must be equal to one of the allowed values']],
    [{ kind: 'X', parent: 'a', description: 5 }, ['must be string']],
    [{ kind: 'X', parent: 'a', when: '2026-01-01T10:00:00' }, []],
    [{ kind: 'X', parent: 'a', when: 'tomorrow' }, ['must match format "date-time"']],
  ])('%j → %j', (body, expected) => {
    const problems = v.validateResponse('GET', '/things/abc', 200, 'application/json; charset=utf-8', body);
    expect(problems.length > 0).toBe(expected.length > 0);
    for (const e of expected) expect(problems.join('\n')).toContain(e);
  });

  it('keeps a property literally named "description" (not mistaken for an annotation)', () => {
    expect(v.validateResponse('GET', '/things/abc', 200, 'application/json', { kind: 'X', parent: 'a', description: 'ok' })).toEqual([]);
  });

  it('prefers literal paths, validates path parameters, and a body-less 204', () => {
    expect(v.findOperation('GET', '/things/special')?.template).toBe('/things/special');
    expect(v.findOperation('GET', '/things/xyz')?.params).toEqual({ id: 'xyz' });
    expect(v.validateRequest('GET', '/things/ab', undefined)).toEqual([expect.stringContaining('must NOT have fewer than 3 characters')]);
    expect(v.validateResponse('GET', '/things/abc', 204, null, '')).toEqual([]);
    expect(v.validateResponse('GET', '/things/abc', 204, 'application/json', '{}')).toEqual(['GET /things/{id} 204: documented without a body but one was sent']);
    expect(v.validateRequest('PUT', '/things/abc', undefined)).toEqual(['PUT /things/abc: no such operation in openapi.json']);
  });

  it('the project copy of openapi.json compiles and knows the operations the simulator serves', () => {
    const real = loadOpenApiValidator();
    expect(real.findOperation('GET', '/auth/20250514-AU-2DFC46C000-3AC6D5877F-D4')?.template).toBe('/auth/{referenceNumber}');
    expect(real.findOperation('POST', '/auth/challenge')?.template).toBe('/auth/challenge');
    expect(real.findOperation('GET', '/sessions/x/invoices/ksef/y/upo')?.template).toBe('/sessions/{referenceNumber}/invoices/ksef/{ksefNumber}/upo');
  });
});
