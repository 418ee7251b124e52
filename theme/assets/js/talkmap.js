// The talk map: Leaflet over the world's land drawn from the site's own files (or over the tile
// server `talkmap.tiles` names), a marker per talk place, a popup linking each talk there.
(() => {
  const element = document.getElementById('talkmap');
  const L = window.L;
  if (!element || !L) return;
  const talks = JSON.parse(document.getElementById('talkmap-data').textContent);
  const map = L.map(element, { worldCopyJump: true, attributionControl: Boolean(element.dataset.tiles) });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '' }).addTo(map);
  } else {
    fetch(element.dataset.land)
      .then((response) => response.json())
      .then((land) => {
        L.geoJSON(land, { interactive: false, style: { className: 'talkmap__land', weight: 1 } })
          .addTo(map)
          .bringToBack();
      })
      .catch(() => {});
  }
  const icon = L.icon({
    iconUrl: `${element.dataset.land.replace(/world\/land-110m\.json$/, 'leaflet/images/marker-icon.png')}`,
    iconRetinaUrl: `${element.dataset.land.replace(/world\/land-110m\.json$/, 'leaflet/images/marker-icon-2x.png')}`,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
  });
  const places = new Map();
  for (const talk of talks) {
    const key = `${talk.lat},${talk.lng}`;
    if (!places.has(key))
      places.set(key, { lat: talk.lat, lng: talk.lng, location: talk.location, talks: [] });
    places.get(key).talks.push(talk);
  }
  // Places closer than a marker's width share one marker (listing all of them), so that every
  // marker stays a target of its own at any zoom; zooming in separates them again.
  const layer = L.layerGroup().addTo(map);
  const draw = () => {
    layer.clearLayers();
    const groups = [];
    for (const place of places.values()) {
      const point = map.latLngToLayerPoint([place.lat, place.lng]);
      const near = groups.find(
        (g) => Math.abs(g.point.x - point.x) < 30 && Math.abs(g.point.y - point.y) < 45,
      );
      if (near) near.places.push(place);
      else groups.push({ point, places: [place] });
    }
    for (const group of groups) {
      const popup = document.createElement('div');
      for (const place of group.places) {
        const heading = document.createElement('strong');
        heading.textContent = place.location;
        const list = document.createElement('ul');
        for (const talk of place.talks) {
          const item = document.createElement('li');
          const link = document.createElement('a');
          link.href = talk.url;
          link.textContent = talk.title;
          item.append(link, ` (${talk.date})`);
          list.append(item);
        }
        popup.append(heading, list);
      }
      const names = group.places.map((place) => place.location).join('; ');
      const [first] = group.places;
      layer.addLayer(L.marker([first.lat, first.lng], { icon, alt: names, title: names }).bindPopup(popup));
    }
  };
  const all = [...places.values()].map((place) => [place.lat, place.lng]);
  if (all.length) map.fitBounds(L.latLngBounds(all).pad(0.3), { maxZoom: 5 });
  else map.setView([20, 0], 1);
  draw();
  map.on('zoomend', draw);
})();
