/** What templates see of the site's files, compared with what Jekyll 4.3.1 printed for the same site. */
import assert from 'node:assert/strict';
import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

test("a static file's modified_time prints as a Ruby Time in the site's timezone, its keys in Jekyll's order", () => {
  const source = tempSite({
    '_config.yml': 'timezone: America/New_York\n',
    'files/a.txt': 'x\n',
    'index.html':
      '---\n---\n{% for f in site.static_files %}[{{ f.modified_time }}][{{ f.modified_time | date_to_xmlschema }}][{{ f | jsonify }}]{% endfor %}\n',
  });
  const modified = new Date('2024-03-05T10:20:30Z');
  utimesSync(path.join(source, 'files/a.txt'), modified, modified);
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(
    readFileSync(path.join(source, '_site/index.html'), 'utf8'),
    '[2024-03-05 05:20:30 -0500][2024-03-05T05:20:30-05:00][{"name":"a.txt","basename":"a","extname":".txt","path":"/files/a.txt","collection":null,"modified_time":"2024-03-05 05:20:30 -0500"}]\n',
  );
});
