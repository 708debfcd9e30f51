// The dashboard: filters -> map, timeline and table, all from the REST API.
'use strict';
(function () {
  const {$, el} = sitrep;
  const PAGE = 50;
  const MAP_LIMIT = 2000;  // markers drawn at most (~1 s of GeoJSON at 100k events); the table pages through everything
  const FILTERS = ['event_date_from', 'event_date_to', 'country', 'event_type', 'actor', 'q'];
  const COLORS = {
    'Battles': '#c0392b', 'Explosions/Remote violence': '#e67e22',
    'Violence against civilians': '#8e44ad', 'Protests': '#2980b9', 'Riots': '#16a085',
    'Strategic developments': '#7f8c8d',
  };
  const EVENT_TYPES = Object.keys(COLORS);
  const form = $('#filters');
  let offset = 0;

  const map = L.map('map', {worldCopyJump: true, minZoom: 1}).setView([20, 15], 2);
  const markers = L.featureGroup().addTo(map);

  async function setUpBaseMap() {
    const config = await sitrep.getJson('/ui/config');
    const layers = {};
    const topo = await sitrep.getJson('/static/vendor/world-atlas/countries-110m.json');
    const outlines = L.geoJSON(topojson.feature(topo, topo.objects.countries), {
      style: {color: '#8a8f98', weight: 0.8, fillColor: '#eceae4', fillOpacity: 1},
      interactive: false,
    });
    layers['Country outlines (offline)'] = outlines;
    if (config.tiles) {
      const tiles = L.tileLayer(config.tiles, {attribution: config.attribution, maxZoom: 18});
      layers['Base map tiles'] = tiles;
      tiles.addTo(map);
    } else {
      outlines.addTo(map);
    }
    L.control.layers(layers, {Events: markers}).addTo(map);
  }

  function params(extra) {
    const query = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    for (const [key, value] of Object.entries(extra || {})) query.set(key, value);
    return query;
  }

  function popup(props) {
    const id = props.event_id_cnty;
    return el('div', {className: 'popup'},
      el('strong', {}, props.sub_event_type), el('br'),
      `${props.event_date || 'undated'} · ${sitrep.place(props)}`, el('br'),
      [props.actor1, props.actor2].filter(Boolean).join(' vs ') || 'actors unknown', el('br'),
      `fatalities: ${props.fatalities}`, el('br'),
      id ? el('a', {href: sitrep.eventUrl(id), className: 'event-link'}, 'open event') : null);
  }

  function drawMarkers(collection) {
    markers.clearLayers();
    for (const feature of collection.features) {
      if (!feature.geometry) continue;
      const [lon, lat] = feature.geometry.coordinates;
      const props = feature.properties;
      L.circleMarker([lat, lon], {
        radius: 4 + Math.min(16, Math.sqrt(props.fatalities || 0)),
        color: COLORS[props.event_type] || '#333', weight: 1, fillOpacity: 0.6,
        className: 'sitrep-marker',
      }).bindPopup(() => popup(props)).addTo(markers);
    }
    if (markers.getLayers().length) map.fitBounds(markers.getBounds(), {maxZoom: 8, padding: [20, 20]});
    return markers.getLayers().length;
  }

  function drawTable(pageData) {
    const body = $('#events tbody');
    body.replaceChildren();
    for (const event of pageData.events) {
      const id = event.event_id_cnty;
      const title = id ? el('a', {href: sitrep.eventUrl(id)}, event.sub_event_type)
                       : event.sub_event_type;
      body.append(el('tr', {dataset: {id: id || ''}},
        el('td', {className: 'nowrap'}, event.event_date || ''),
        el('td', {}, title),
        el('td', {}, event.actor1 || ''), el('td', {}, event.actor2 || ''),
        el('td', {}, sitrep.place(event)),
        el('td', {className: 'num'}, event.fatalities),
        el('td', {}, event.claims.map(sitrep.claimText).join(' | '))));
    }
    const last = Math.min(pageData.total, pageData.offset + pageData.events.length);
    $('#page').textContent = pageData.total ? `${pageData.offset + 1}–${last} of ${pageData.total}` : 'no events';
    $('#prev').disabled = pageData.offset === 0;
    $('#next').disabled = last >= pageData.total;
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // one bar per day (events), a line for fatalities on its own scale; empty days are shown
  function drawTimeline(days) {
    const chart = $('#timeline');
    chart.replaceChildren();
    const width = chart.clientWidth || 800, height = 150, pad = {l: 34, r: 40, t: 10, b: 22};
    chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    if (!Array.isArray(days) || !days.length) {
      const note = Array.isArray(days) ? 'no dated events' : days.message;
      chart.append(svg('text', {x: width / 2, y: height / 2, 'text-anchor': 'middle'}, note));
      return;
    }
    const DAY = 86400000, t = (d) => Date.parse(d + 'T00:00:00Z');
    const first = t(days[0].date), span = Math.max(1, (t(days[days.length - 1].date) - first) / DAY + 1);
    const maxEvents = Math.max(...days.map((d) => d.events)), maxDead = Math.max(1, ...days.map((d) => d.fatalities));
    const plotW = width - pad.l - pad.r, plotH = height - pad.t - pad.b, barW = Math.max(1, plotW / span);
    const x = (d) => pad.l + ((t(d) - first) / DAY) * barW;
    const yEvents = (n) => pad.t + plotH - (n / maxEvents) * plotH;
    const yDead = (n) => pad.t + plotH - (n / maxDead) * plotH;
    for (const day of days) {
      const bar = svg('rect', {x: x(day.date), y: yEvents(day.events), width: Math.max(1, barW - 1),
        height: plotH - (yEvents(day.events) - pad.t), class: 'bar'});
      bar.append(svg('title', {}, `${day.date}: ${day.events} events, ${day.fatalities} fatalities`));
      chart.append(bar);
    }
    const points = days.map((d) => `${x(d.date) + barW / 2},${yDead(d.fatalities)}`).join(' ');
    chart.append(svg('polyline', {points, class: 'line'}));
    chart.append(svg('line', {x1: pad.l, y1: pad.t + plotH, x2: width - pad.r, y2: pad.t + plotH, class: 'axis'}));
    chart.append(svg('text', {x: pad.l - 4, y: pad.t + 8, 'text-anchor': 'end', class: 'tick'}, maxEvents));
    chart.append(svg('text', {x: width - pad.r + 4, y: pad.t + 8, class: 'tick dead'}, maxDead));
    chart.append(svg('text', {x: pad.l, y: height - 6, class: 'tick'}, days[0].date));
    chart.append(svg('text', {x: width - pad.r, y: height - 6, 'text-anchor': 'end', class: 'tick'},
                     days[days.length - 1].date));
  }

  async function loadTable() {
    drawTable(await sitrep.getJson('/events?' + params({limit: PAGE, offset})));
  }

  async function load() {
    $('#error').hidden = true;
    $('#status').textContent = 'loading…';
    try {
      const [collection, , days] = await Promise.all([
        sitrep.getJson('/events?' + params({format: 'geojson', limit: MAP_LIMIT})),
        loadTable(),
        // too many matches is a note in the chart, not a page error
        sitrep.getJson('/timeline?' + params()).catch((error) => {
          if (error.code === 'too_many_events') return {message: error.message.replace(/^\d+: /, '')};
          throw error;
        }),
      ]);
      const shown = drawMarkers(collection);
      drawTimeline(days);
      $('#status').textContent = `${$('#page').textContent} · ${shown} on the map`;
      document.body.dataset.loaded = String(Date.now());  // tests wait on this
    } catch (error) {
      sitrep.showError(error);
      $('#status').textContent = 'error';
    }
  }

  async function fillChoices() {
    const stats = await sitrep.getJson('/stats');
    const countries = Object.keys(stats.by_country).filter((c) => c !== 'unknown').sort();
    const types = [...new Set([...EVENT_TYPES, ...Object.keys(stats.by_event_type)])];
    for (const [name, values] of [['country', countries], ['event_type', types]]) {
      const select = form.elements[name];
      for (const value of values) select.append(el('option', {value}, value));
    }
  }

  function readUrl() {
    const query = new URLSearchParams(location.search);
    for (const name of FILTERS) if (query.has(name)) form.elements[name].value = query.get(name);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    offset = 0;
    history.replaceState(null, '', '?' + params().toString());  // shareable filtered view
    load();
  });
  $('#reset').addEventListener('click', () => { form.reset(); form.requestSubmit(); });
  $('#prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); loadTable().catch(sitrep.showError); });
  $('#next').addEventListener('click', () => { offset += PAGE; loadTable().catch(sitrep.showError); });

  (async () => {
    try {
      await fillChoices();
      readUrl();
      await setUpBaseMap();
    } catch (error) {
      sitrep.showError(error);
    }
    load();
  })();
})();
