/** The CV: a page from `_data/cv.yml` or `cv.json` (JSON Resume), and `scholarsite cv --pdf`. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { NO_CHROMIUM } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import { tempDir, tempSite } from '../support/temp-site.ts';

const CONFIG =
  'theme: scholarsite\ntitle: T\nurl: https://ada.example.org\nauthor:\n  name: "Ada Example"\ncollections:\n  talks:\n    output: true\n';

const RESUME = {
  basics: {
    name: 'Ada Example',
    label: 'Professor of Examples',
    summary: 'I study <examples> & counterexamples.',
  },
  work: [
    { name: 'University of Example', position: 'Professor', startDate: '2020-09' },
    {
      name: 'Example Lab',
      position: 'Postdoc',
      startDate: '2016-01',
      endDate: '2020-08',
      highlights: ['Built things.'],
    },
  ],
  education: [{ institution: 'Example University', studyType: 'Ph.D.', area: 'Examples', endDate: '2015' }],
  awards: [{ title: 'Example Prize', awarder: 'Example Society', date: '2019-05-01' }],
  skills: [{ name: 'Programming', keywords: ['Python', 'R'] }],
  languages: [{ language: 'English', fluency: 'Native' }],
};

function cvPage(files: Record<string, string>): string {
  const source = tempSite({
    '_config.yml': CONFIG,
    'cv.md': '---\nlayout: cv\ntitle: CV\npermalink: /cv/\n---\nMy CV.\n',
    '_bibliography/papers.bib':
      '@article{a2021, author = {Example, Ada}, title = {A Paper}, journal = {J}, year = 2021}\n',
    '_talks/2022-03-01-talk.md':
      '---\ntitle: A Talk\ndate: 2022-03-01\nlocation: Oslo, Norway\ntype: Keynote\n---\n',
    ...files,
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  return readFileSync(path.join(source, '_site/cv/index.html'), 'utf8');
}

test('the CV page draws every JSON Resume section it is given, with the site’s publications and talks', () => {
  for (const [name, text] of [
    ['_data/cv.json', JSON.stringify(RESUME)],
    [
      '_data/cv.yml',
      `basics:\n  name: Ada Example\n  label: Professor of Examples\n  summary: I study <examples> & counterexamples.\nwork:\n  - { name: University of Example, position: Professor, startDate: "2020-09" }\n  - { name: Example Lab, position: Postdoc, startDate: "2016-01", endDate: "2020-08", highlights: ["Built things."] }\neducation:\n  - { institution: Example University, studyType: Ph.D., area: Examples, endDate: "2015" }\nawards:\n  - { title: Example Prize, awarder: Example Society, date: "2019-05-01" }\nskills:\n  - { name: Programming, keywords: [Python, R] }\nlanguages:\n  - { language: English, fluency: Native }\n`,
    ],
  ]) {
    const page = cvPage({ [name]: text });
    assert.match(page, /<p class="cv__label">Professor of Examples<\/p>/, name);
    assert.match(page, /<p>My CV\.<\/p>/);
    assert.match(
      page,
      /<span class="cv-entry__when">2020 – present<\/span><div><strong>Professor<\/strong>, University of Example/,
    );
    assert.match(
      page,
      /<span class="cv-entry__when">2016 – 2020<\/span><div><strong>Postdoc<\/strong>, Example Lab\s*<ul><li>Built things\.<\/li><\/ul>/,
    );
    assert.match(
      page,
      /<span class="cv-entry__when">2015<\/span><div><strong>Ph\.D\. in Examples<\/strong>, Example University/,
    );
    assert.match(
      page,
      /<span class="cv-entry__when">2019<\/span><div><strong>Example Prize<\/strong>, Example Society/,
    );
    assert.match(
      page,
      /<strong class="me">Ada Example<\/strong>\. <a href="\/publications\/a2021\/">A Paper<\/a>\. <cite>J<\/cite>, 2021\./,
    );
    assert.match(page, /<a href="\/talks\/2022-03-01-talk\.html">A Talk<\/a>, Keynote, Oslo, Norway/);
    assert.match(page, /<dt>Programming<\/dt><dd>Python, R<\/dd>/);
    assert.match(page, /English \(Native\)/);
    assert.doesNotMatch(page, /<h2 id="service">/, 'a section with no data is left out');
  }
});

test('cv --pdf prints the CV page to a PDF with Chromium', { skip: NO_CHROMIUM }, () => {
  const source = tempSite({
    '_config.yml': CONFIG,
    '_data/cv.json': JSON.stringify(RESUME),
    'cv.md': '---\nlayout: cv\ntitle: CV\npermalink: /cv/\n---\n',
  });
  const out = path.join(tempDir('scholarsite-pdf-'), 'ada-cv.pdf');
  const result = runCli(['cv', '--pdf', '-s', source, '-o', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Wrote .*ada-cv\.pdf \(\d+ KB\)\.\n$/);
  const pdf = readFileSync(out);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 5000);

  const usage = runCli(['cv', '-s', source]);
  assert.equal(usage.code, 1);
  assert.match(usage.stderr, /Hint: scholarsite cv --pdf/);
});

test('dates written in words give their year, and a less-than sign in the data stays text', () => {
  const resume = {
    work: [
      {
        name: 'UConn',
        position: 'Balmer Decrements at 1 < z < 3',
        startDate: 'June 2024',
        endDate: 'August 2024',
      },
      { name: 'Lab', position: 'Intern', startDate: 'Sept. 2021', endDate: 'Present' },
      { name: 'School', position: 'Tutor', startDate: 'Spring term' },
    ],
  };
  const page = cvPage({ '_data/cv.json': JSON.stringify(resume) });
  assert.match(
    page,
    /<span class="cv-entry__when">2024<\/span><div><strong>Balmer Decrements at 1 &lt; z &lt; 3<\/strong>/,
  );
  assert.match(page, /<span class="cv-entry__when">2021 – Present<\/span><div><strong>Intern<\/strong>/);
  assert.match(
    page,
    /<span class="cv-entry__when">Spring term – present<\/span><div><strong>Tutor<\/strong>/,
  );
});
