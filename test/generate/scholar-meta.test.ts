/**
 * The authors Google Scholar's tags name for an academicpages publication without `authors:`:
 * taken from its `citation:`, in the citation styles found on real academicpages sites.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorNames, citationAuthors } from '../../src/generate/scholar-meta.ts';

test('authors are read from citations in the styles people paste', () => {
  const cases: [string, string[]][] = [
    // academicpages' own template
    [
      'Your Name, You. (2009). &quot;Paper Title Number 1.&quot; <i>Journal 1</i>. 1(1).',
      ['Your Name, You.'],
    ],
    // APA
    [
      'Niu, Z., Shen, J., Wang, L., &amp; Yang, R. (2019). Thermo-poroelastic modelling.',
      ['Niu, Z.', 'Shen, J.', 'Wang, L.', 'Yang, R.'],
    ],
    // Harvard (Elsevier)
    [
      'Jones, E.J., Poole, K.C., Bizley, J.K., 2020. Seasonal weight changes. PLOS ONE 15.',
      ['Jones, E.J.', 'Poole, K.C.', 'Bizley, J.K.'],
    ],
    // ACM
    [
      'Aditya K. Kamath, Alvin A. George, and Arkaprava Basu. 2020. ScoRD. In ISCA.',
      ['Aditya K. Kamath', 'Alvin A. George', 'Arkaprava Basu'],
    ],
    // names, then the quoted title
    [
      ' Meng Xu,  Yi Mei,  Mengjie Zhang, &quot;Genetic Programming.&quot; In CEC, 2021.',
      ['Meng Xu', 'Yi Mei', 'Mengjie Zhang'],
    ],
    // Vancouver
    [
      'Zhu K, Tao Q, Yu Z. Machine learning identifies exosome features. Frontiers. 2022;10:1020415.',
      ['Zhu K', 'Tao Q', 'Yu Z'],
    ],
  ];
  for (const [citation, authors] of cases) assert.deepEqual(citationAuthors(citation), authors, citation);
});

test('a citation whose authors cannot be told gives none, rather than a title as a name', () => {
  assert.deepEqual(
    citationAuthors(
      'Niu, Zihua. Experimental study on the seismic deformation. MS thesis. ETH Zurich, 2021.',
    ),
    [],
  );
  assert.deepEqual(citationAuthors('A talk given somewhere'), []);
});

test('an author list in front matter is split where people split it', () => {
  assert.deepEqual(authorNames('Wang, Nan; Lu, Lu-Yao; Wang, Jun-Kai.'), [
    'Wang, Nan',
    'Lu, Lu-Yao',
    'Wang, Jun-Kai',
  ]);
  assert.deepEqual(authorNames('Wang, Junkai. [Sole author.]'), ['Wang, Junkai']);
  assert.deepEqual(authorNames('Zexi Li and Tao Lin'), ['Zexi Li', 'Tao Lin']);
  assert.deepEqual(authorNames('Li, Z., Lin, T., & Wu, C.'), ['Li, Z.', 'Lin, T.', 'Wu, C.']);
});
