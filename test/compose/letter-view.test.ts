import { describe, expect, it } from 'vitest';
import { addressLines } from '../../src/compose/letter-view.js';

describe('addressLines', () => {
  it('writes the Canada Post last line, postal code in two groups, whatever the record sent', () => {
    const address = { line1: '1, rue Essai', city: 'Montréal', province: 'QC' as const, postalCode: 'H2Z1X4' };
    expect(addressLines(address)).toEqual(['1, rue Essai', 'Montréal QC\u00A0\u00A0H2Z 1X4']);
    expect(addressLines({ ...address, line2: 'App. 3', postalCode: 'H2Z 1X4' })).toEqual(['1, rue Essai', 'App. 3', 'Montréal QC\u00A0\u00A0H2Z 1X4']);
  });
});
