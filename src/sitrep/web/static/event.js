// One event: its fields, the claims side by side, and the article text with every
// field's evidence highlighted. Article text is split into text nodes, never parsed as HTML.
'use strict';
(function () {
  const {$, el} = sitrep;
  const FIELDS = ['event_date', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
    'actor2', 'assoc_actor_2', 'interaction', 'civilian_targeting', 'country', 'admin1', 'admin2',
    'location', 'latitude', 'longitude', 'geo_precision', 'time_precision', 'fatalities',
    'fatalities_low', 'fatalities_high', 'source', 'notes', 'confidence'];

  // every span to highlight: the event's evidence and each claim's
  function spans(event) {
    const all = event.evidence.map((e) => ({...e}));
    event.claims.forEach((claim, i) => {
      if (claim.evidence) all.push({...claim.evidence, field: claim.evidence.field || 'claim', claim: i});
    });
    return all;
  }

  function matches(chars, span) {
    return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 &&
      span.start < span.end && span.end <= chars.length &&
      chars.slice(span.start, span.end).join('') === span.text;
  }

  // offsets are Python string indices (code points), so cut on code points, not UTF-16 units
  function renderText(chars, good) {
    const box = el('div', {className: 'article-text'});
    const cuts = [...new Set([0, chars.length, ...good.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [a, b] = [cuts[i], cuts[i + 1]];
      const piece = chars.slice(a, b).join('');
      const covering = good.filter((s) => s.start <= a && b <= s.end);
      if (!covering.length) { box.append(document.createTextNode(piece)); continue; }
      const fields = [...new Set(covering.map((s) => s.field))];
      box.append(el('mark', {className: 'evidence', title: 'evidence: ' + fields.join(', '),
        dataset: {fields: fields.join(' ')}}, piece));
    }
    return box;
  }

  // a merged event's spans point into the report each came from: each article shows the
  // spans whose words are found at their offsets in it; spans found nowhere are listed
  function renderArticles(articles, evidence) {
    const placed = new Set();
    for (const article of articles) {
      const chars = Array.from(article.text);
      const good = evidence.filter((span) => matches(chars, span));
      good.forEach((span) => placed.add(span));
      $('#articles').append(el('article', {className: 'source-article', dataset: {id: article.id}},
        el('h2', {className: 'article-title'}, article.title || article.id),
        el('p', {className: 'meta'}, [article.source, article.published].filter(Boolean).join(' · ')),
        renderText(chars, good)));
    }
    for (const span of evidence.filter((s) => !placed.has(s))) {
      $('#evidence-problems').append(el('li', {},
        `evidence for ${span.field} not found at ${span.start}-${span.end}: “${span.text}”`));
    }
  }

  function highlight(field) {
    for (const mark of document.querySelectorAll('mark.evidence')) {
      const on = field !== null && mark.dataset.fields.split(' ').includes(field);
      mark.classList.toggle('active', on);
    }
    const first = document.querySelector('mark.evidence.active');
    if (first) first.scrollIntoView({block: 'center', behavior: 'smooth'});
  }

  function renderFields(event) {
    const withEvidence = new Set(spans(event).map((e) => e.field));
    const body = $('#fields tbody');
    for (const name of FIELDS) {
      const value = event[name];
      if (value === null || value === undefined || value === '') continue;
      const row = el('tr', {dataset: {field: name}}, el('th', {}, name), el('td', {}, value));
      if (withEvidence.has(name)) {
        row.classList.add('has-evidence');
        row.title = 'show the words this came from';
        row.addEventListener('click', () => highlight(name));
      }
      body.append(row);
    }
  }

  // conflicting figures side by side, one row per kind: SOHR 135 | SANA 300
  function renderClaims(event) {
    const box = $('#claims');
    const kinds = [...new Set(event.claims.map((c) => c.kind))];
    for (const kind of kinds) {
      const claims = event.claims.filter((c) => c.kind === kind);
      const values = new Set(claims.map((c) => c.value));
      const row = el('div', {className: 'claim-row' + (values.size > 1 ? ' conflict' : '')},
        el('div', {className: 'claim-kind'}, kind + (values.size > 1 ? ' — sources disagree: ' : ': ') +
           claims.map(sitrep.claimText).join(' | ')));
      for (const claim of claims) {
        const card = el('div', {className: 'claim'},
          el('span', {className: 'claim-source'}, claim.source || 'unattributed'),
          el('span', {className: 'claim-value'},
             (sitrep.QUALIFIER[claim.qualifier] || '') + claim.value),
          claim.evidence ? el('q', {}, claim.evidence.text) : null);
        if (claim.evidence) card.addEventListener('click', () => highlight(claim.evidence.field || 'claim'));
        row.append(card);
      }
      box.append(row);
    }
    if (event.fatalities_low !== null && event.fatalities_high !== null &&
        event.fatalities_low !== event.fatalities_high) {
      box.append(el('p', {className: 'meta'},
        `ACLED figure ${event.fatalities} (range ${event.fatalities_low}–${event.fatalities_high})`));
    }
  }

  function renderSources(sources) {
    const list = $('#sources');
    for (const ref of sources) {
      const url = sitrep.safeUrl(ref.url);
      const label = `${ref.title || ref.article_id}${ref.source ? ' — ' + ref.source : ''}${ref.published ? ' (' + ref.published + ')' : ''}`;
      list.append(el('li', {}, url ? el('a', {href: url, rel: 'noopener noreferrer'}, label) : label));
    }
    if (!sources.length) list.append(el('li', {className: 'meta'}, 'none recorded'));
  }

  function renderRevisions(revisions) {
    const list = $('#revisions');
    for (const r of revisions) {
      const when = r.timestamp ? new Date(r.timestamp * 1000).toISOString().slice(0, 10) : null;
      const head = [`#${r.number}`, when, r.article_id ? `from ${r.article_id}` : null,
                    `fatalities ${r.fatalities}`].filter(Boolean).join(' · ');
      list.append(el('li', {}, head, (r.changes || []).length ? ': ' + r.changes.join('; ') : ''));
    }
    if (!revisions.length) list.append(el('li', {className: 'meta'}, 'no revisions'));
  }

  (async () => {
    const id = new URLSearchParams(location.search).get('id');
    try {
      if (!id) throw new Error('no event id in the address (?id=...)');
      const detail = await sitrep.getJson('/events/' + encodeURIComponent(id));
      const event = detail.event;
      document.title = `sitrep: ${event.sub_event_type}, ${event.event_date || 'undated'}`;
      $('#headline').textContent = `${event.sub_event_type} · ${event.event_date || 'undated'} · ${sitrep.place(event)}`;
      renderClaims(event);
      renderFields(event);
      renderSources(detail.sources || []);
      renderRevisions(detail.revisions || []);
      const ids = [...new Set([event.article_id, ...(detail.sources || []).map((s) => s.article_id)])]
        .filter(Boolean).slice(0, 10);
      const articles = await Promise.all(ids.map((a) => sitrep.getJson('/articles/' + encodeURIComponent(a))));
      renderArticles(articles, spans(event));
      $('#status').textContent = id;
      document.body.dataset.loaded = String(Date.now());
    } catch (error) {
      sitrep.showError(error);
      $('#status').textContent = 'error';
    }
  })();
})();
