import { decodeOfxEntities } from './ofx-entities';

describe('decodeOfxEntities', () => {
  it.each([
    ['TPAY &amp;lt;DEFTPYMT&amp;gt;', 'TPAY <DEFTPYMT>'],
    ['Muster &amp; Söhne', 'Muster & Söhne'],
    ['CAF&#201; &#x2013; &quot;x&quot; &apos;y&apos;', 'CAFÉ – "x" \'y\''],
    ['A&nbsp;B', 'A\u00a0B'],
    ['no entities & a lone ampersand', 'no entities & a lone ampersand'],
    ['&unknown; stays', '&unknown; stays'],
    ['&#0; &#x110000; stay', '&#0; &#x110000; stay'],
  ])('%s → %s', (raw, decoded) => {
    expect(decodeOfxEntities(raw)).toBe(decoded);
  });

  it('stops after two passes', () => {
    expect(decodeOfxEntities('&amp;amp;amp;')).toBe('&amp;');
  });
});
