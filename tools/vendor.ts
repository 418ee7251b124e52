/**
 * Writes the theme's third-party files from their npm packages (run after upgrading one):
 * Leaflet for the talk map, and the world's land from Natural Earth (via world-atlas), drawn as
 * the map's background so that the map needs no tile server.
 *   node --import tsx tools/vendor.ts
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';

const root = path.resolve(import.meta.dirname, '..');
const modules = path.join(root, 'node_modules');
const vendor = path.join(root, 'theme/assets/vendor');

const leaflet = path.join(vendor, 'leaflet');
mkdirSync(path.join(leaflet, 'images'), { recursive: true });
for (const file of ['leaflet.js', 'leaflet.css'])
  copyFileSync(path.join(modules, 'leaflet/dist', file), path.join(leaflet, file));
// The layers control's icons too: leaflet.css names them, and `scholarsite check` looks.
for (const file of ['marker-icon.png', 'marker-icon-2x.png', 'layers.png', 'layers-2x.png']) {
  copyFileSync(path.join(modules, 'leaflet/dist/images', file), path.join(leaflet, 'images', file));
}
copyFileSync(path.join(modules, 'leaflet/LICENSE'), path.join(leaflet, 'LICENSE'));

// Natural Earth's 1:110m land, as GeoJSON with coordinates to 0.01° (about 1 km).
const topology = JSON.parse(readFileSync(path.join(modules, 'world-atlas/land-110m.json'), 'utf8'));
// A ring that crosses the 180th meridian jumps from 180 to -180, which Leaflet would draw as a
// band across the map: cut such rings along the meridian into one ring for each side.
type Position = [number, number];
function cutAtAntimeridian(ring: Position[]): Position[][] {
  const pieces: Position[][] = [[]];
  ring.forEach(([lng, lat], i) => {
    if (i > 0) {
      const [previousLng, previousLat] = ring[i - 1];
      if (Math.abs(lng - previousLng) > 180) {
        const edge = previousLng > 0 ? 180 : -180;
        const share = (edge - previousLng) / (lng + 2 * edge - previousLng);
        const crossing = previousLat + share * (lat - previousLat);
        pieces.at(-1)?.push([edge, crossing]);
        pieces.push([[-edge, crossing]]);
      }
    }
    pieces.at(-1)?.push([lng, lat]);
  });
  if (pieces.length === 1) return [ring];
  const last = pieces.pop() ?? [];
  pieces[0] = [...last, ...pieces[0]]; // the first and the last piece are on the same side
  return pieces.map((piece) => [...piece, piece[0]]);
}
interface Land {
  type: 'FeatureCollection';
  features: { geometry: { type: 'MultiPolygon'; coordinates: Position[][][] } }[];
}
const land = feature(topology, topology.objects.land) as unknown as Land;
for (const { geometry } of land.features) {
  geometry.coordinates = geometry.coordinates.flatMap(([outer, ...holes]) => {
    const [first, ...others] = cutAtAntimeridian(outer);
    return [[first, ...holes], ...others.map((ring) => [ring])];
  });
}
const rounded = JSON.stringify(land, (_key, value) =>
  typeof value === 'number' ? Math.round(value * 100) / 100 : value,
);
mkdirSync(path.join(vendor, 'world'), { recursive: true });
writeFileSync(path.join(vendor, 'world/land-110m.json'), rounded);
copyFileSync(path.join(modules, 'world-atlas/LICENSE'), path.join(vendor, 'world/LICENSE'));
console.log(
  `vendored Leaflet and ${Math.round(rounded.length / 1024)} KB of land outlines into theme/assets/vendor`,
);
