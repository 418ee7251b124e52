/**
 * The talk map: talks placed from their front matter or `_data/talkmap.yml`, drawn with Leaflet
 * from the site's own files; `scholarsite talkmap --geocode` fills the cache from a geocoder
 * (here a stand-in on this machine), keeping what the file already says.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../support/cli.ts';
import { tempSite } from '../support/temp-site.ts';

const TALKS = {
  '_talks/2021-01-01-a.md': '---\ntitle: "Talk <A>"\ndate: 2021-01-01\nlocation: "Oslo, Norway"\n---\n',
  '_talks/2022-01-01-b.md':
    '---\ntitle: Talk B\ndate: 2022-01-01\nlocation: "Kyoto, Japan"\nlatitude: 35.01\nlongitude: 135.77\n---\n',
  '_talks/2023-01-01-c.md': '---\ntitle: Talk C\ndate: 2023-01-01\nlocation: "Nowhere, Atlantis"\n---\n',
  '_talks/2023-06-01-d.md': '---\ntitle: Talk D\ndate: 2023-06-01\nlocation: "Lima, Peru"\n---\n',
  '_talks/2024-01-01-e.md': '---\ntitle: Talk E (online)\ndate: 2024-01-01\n---\n',
};

test('the talk map places talks from front matter and the cache, and lists them', () => {
  const source = tempSite({
    '_config.yml': 'theme: scholarsite\ntitle: T\ncollections:\n  talks:\n    output: true\n',
    '_data/talkmap.yml': '"Oslo, Norway": { lat: 59.91, lng: 10.75 }\n',
    'map.md': '---\nlayout: talkmap\ntitle: Map\npermalink: /map/\n---\nWhere.\n',
    ...TALKS,
  });
  const result = runCli(['build', '-s', source]);
  assert.equal(result.code, 0, result.stderr);
  const page = readFileSync(path.join(source, '_site/map/index.html'), 'utf8');
  const data = JSON.parse(
    /<script type="application\/json" id="talkmap-data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '',
  );
  assert.deepEqual(data, [
    {
      title: 'Talk B',
      url: '/talks/2022-01-01-b.html',
      location: 'Kyoto, Japan',
      date: 'January 2022',
      lat: 35.01,
      lng: 135.77,
    },
    {
      title: 'Talk ',
      url: '/talks/2021-01-01-a.html',
      location: 'Oslo, Norway',
      date: 'January 2021',
      lat: 59.91,
      lng: 10.75,
    },
  ]);
  assert.match(page, /<a href="\/talks\/2022-01-01-b\.html">Talk B<\/a>, Kyoto, Japan/);
  assert.match(page, /<script src="\/assets\/vendor\/leaflet\/leaflet\.js" defer><\/script>/);
  assert.match(page, /data-land="\/assets\/vendor\/world\/land-110m\.json"/);
  for (const file of [
    'assets/vendor/leaflet/leaflet.js',
    'assets/vendor/leaflet/leaflet.css',
    'assets/vendor/world/land-110m.json',
    'assets/js/talkmap.js',
  ]) {
    assert.ok(existsSync(path.join(source, '_site', file)), file);
  }
});

/** Run the CLI without blocking this process (the stand-in geocoder lives in it). */
function runCliAsync(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [
      path.resolve(import.meta.dirname, '../../bin/scholarsite.js'),
      ...args,
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('talkmap --geocode adds the places it finds to _data/talkmap.yml, keeping its comments and entries', async () => {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    const query = new URL(request.url ?? '/', 'http://x').searchParams.get('q') ?? '';
    asked.push(`${query}|${request.headers['user-agent']}`);
    const found: Record<string, { lat: string; lon: string }> = {
      'Lima, Peru': { lat: '-12.0463731', lon: '-77.042754' },
    };
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(found[query] ? [found[query]] : []));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    const source = tempSite({
      '_config.yml': `title: T\ncollections:\n  talks:\n    output: true\ntalkmap:\n  geocoder: http://127.0.0.1:${port}/search\n`,
      '_data/talkmap.yml': '# My places\n"Oslo, Norway": { lat: 59.91, lng: 10.75 }\n',
      ...TALKS,
    });
    const result = await runCliAsync(['talkmap', '--geocode', '-s', source]);
    assert.equal(result.code, 1, 'a place not found is worth an exit code');
    assert.match(
      result.stdout,
      /^ {2}Lima, Peru: -12\.0464, -77\.0428\n1 place added to _data\/talkmap\.yml; 2 talks were placed already\.\n$/,
    );
    assert.match(result.stderr, /Warning: no place found for 'Nowhere, Atlantis'\n {2}Hint: /);
    assert.deepEqual(asked.map((a) => a.split('|')[0]).sort(), ['Lima, Peru', 'Nowhere, Atlantis']);
    assert.match(asked[0], /\|scholarsite\/\d+\.\d+\.\d+ \(talk map\)$/, 'it says who asks');
    assert.equal(
      readFileSync(path.join(source, '_data/talkmap.yml'), 'utf8'),
      '# My places\n"Oslo, Norway": { lat: 59.91, lng: 10.75 }\nLima, Peru: { lat: -12.0464, lng: -77.0428 }\n',
    );

    // Once placed, nothing is asked again; a geocoder out of reach is said plainly.
    writeFileSync(
      path.join(source, '_talks/2023-01-01-c.md'),
      '---\ntitle: Talk C\ndate: 2023-01-01\nlocation: "Bergen, Norway"\n---\n',
    );
    server.close();
    const offline = await runCliAsync(['talkmap', '--geocode', '-s', source]);
    assert.equal(offline.code, 1);
    assert.match(
      offline.stderr,
      /Warning: 'Bergen, Norway' could not be looked up: .*\n {2}Hint: this needs the internet; or add "Bergen, Norway": \{ lat: …, lng: … \} to _data\/talkmap\.yml by hand\./,
    );
    assert.equal(asked.length, 2);
  } finally {
    server.close();
  }
});
