/**
 * `scholarsite talkmap --geocode`: the places of talks that have neither coordinates in their
 * front matter nor an entry in `_data/talkmap.yml` are looked up with a geocoding service
 * (OpenStreetMap's Nominatim unless `talkmap.geocoder` names another, one request a second as
 * its policy asks) and added to that file, which keeps its comments and the entries already there.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isMap, parseDocument } from 'yaml';
import { type Config, loadConfig } from '../config/index.ts';
import { Diagnostics, SiteError } from '../errors.ts';
import { readSite } from '../read/reader.ts';
import { Site } from '../site/site.ts';

const NOMINATIM = 'https://nominatim.openstreetmap.org/search';

export interface GeocodeResult {
  added: { location: string; lat: number; lng: number }[];
  notFound: string[];
  failed: { location: string; reason: string }[];
  alreadyKnown: number;
  file: string;
}

/** The talks' places that the map cannot place yet. */
function missingPlaces(site: Site, cached: Set<string>): { missing: string[]; known: number } {
  const talks = site.collections.get('talks')?.docs ?? [];
  const missing = new Set<string>();
  let known = 0;
  for (const talk of talks) {
    const data = talk.data;
    const location = typeof data.location === 'string' ? data.location.trim() : '';
    if (!location) continue;
    if ((data.latitude ?? data.lat) != null || cached.has(location)) known++;
    else missing.add(location);
  }
  return { missing: [...missing], known };
}

export async function geocodeTalks(
  source: string,
  options: { userAgent: string; fetch?: typeof fetch },
): Promise<GeocodeResult> {
  const { config } = loadConfig({ source });
  const diagnostics = new Diagnostics(() => {}); // the build that follows says what is wrong
  const site = new Site(config, diagnostics);
  readSite(site, { diagnostics });
  const file = path.join(site.folders.dataDir, 'talkmap.yml');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const document: Document = text.trim()
    ? parseDocument(text)
    : new Document({}, { keepSourceTokens: false });
  if (text.trim() && !isMap(document.contents)) {
    throw new SiteError({
      message: 'this file should map each place to its coordinates',
      file: path.relative(site.source, file),
      hint: 'Write one place a line: "Oslo, Norway": { lat: 59.91, lng: 10.75 }',
    });
  }
  const cached = new Set(Object.keys((document.toJS() as Record<string, unknown> | null) ?? {}));
  const { missing, known } = missingPlaces(site, cached);
  const geocoder = String((config.talkmap as Config | undefined)?.geocoder ?? NOMINATIM);
  const local = /^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(geocoder);
  const result: GeocodeResult = { added: [], notFound: [], failed: [], alreadyKnown: known, file };
  const get = options.fetch ?? fetch;
  for (const [i, location] of missing.entries()) {
    if (i > 0 && !local) await new Promise((resolve) => setTimeout(resolve, 1100));
    try {
      const response = await get(`${geocoder}?format=json&limit=1&q=${encodeURIComponent(location)}`, {
        headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
        signal: AbortSignal.timeout(15_000),
      });
      if (!response.ok) throw new Error(`the service answered ${response.status}`);
      const places = (await response.json()) as { lat?: string; lon?: string }[];
      const place = places[0];
      if (!place?.lat || !place.lon) {
        result.notFound.push(location);
        continue;
      }
      const lat = Math.round(Number(place.lat) * 1e4) / 1e4;
      const lng = Math.round(Number(place.lon) * 1e4) / 1e4;
      document.set(location, document.createNode({ lat, lng }, { flow: true }));
      result.added.push({ location, lat, lng });
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      result.failed.push({ location, reason: cause?.message ?? (error as Error).message });
    }
  }
  if (result.added.length) {
    const temporary = `${file}.scholarsite-${process.pid}`;
    writeFileSync(temporary, document.toString());
    renameSync(temporary, file);
  }
  return result;
}
