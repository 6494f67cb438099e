/// The report page's script: plain JavaScript (ES2017, no modules, nothing fetched) that reads
/// the embedded data and builds every element from it with `textContent`, never from markup,
/// so that no text of the archive is ever parsed as HTML.
///
/// The list of stories is drawn a page at a time; a story's detail (its line of the detail
/// data) is inflated, parsed and drawn only when it is opened. `#cluster=N` in the address opens cluster
/// N; `#check` opens every story and every diff and writes what it found, with any error, into
/// `#nd-check`, for a headless browser to read back.
enum ReportScript {
    static let source = #"""
(function () {
  'use strict';
  const errors = [];
  window.addEventListener('error', (event) => { errors.push(String(event.message || event)); });
  window.addEventListener('unhandledrejection', (event) => { errors.push('unhandled rejection: ' + String(event.reason)); });

  const checking = location.hash === '#check';
  const pageSize = 100;

  // ---- Building elements: text only ever goes in as text. ----
  function el(tag, options, children) {
    const node = document.createElement(tag);
    if (options) {
      for (const name of Object.keys(options)) {
        const value = options[name];
        if (value === undefined || value === null) continue;
        if (name === 'text') node.textContent = value;
        else if (name === 'className') node.className = value;
        else node.setAttribute(name, value);
      }
    }
    append(node, children);
    return node;
  }
  function append(node, children) {
    for (const child of children || []) {
      if (child === null || child === undefined) continue;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }
  const svgSpace = 'http://www.w3.org/2000/svg';
  function svg(tag, attributes, text) {
    const node = document.createElementNS(svgSpace, tag);
    for (const name of Object.keys(attributes || {})) node.setAttribute(name, String(attributes[name]));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- Data ----
  // The overview is inflated when the page opens; every story's details when it is opened.
  let data = null, outlets = null, groups = null;
  function readOverview(overview) {
    data = overview;
    outlets = data.outlets;
    groups = data.groups.map((row, index) => {
      const members = row[2].map(toMember);
      const bundles = row[3].map(toMember);
      const distinct = new Set(members.map((member) => member.outlet).filter((outlet) => outlet >= 0));
      return { index, number: row[0], headline: row[1], members, bundles, copies: members.length - 1, outlets: distinct.size };
    });
  }
  function toMember(row) { return { id: row[0], outlet: row[1], date: row[2], share: row[3] }; }
  // Details come compressed, in base64 blocks a line each: a block is inflated when a story
  // in it is first opened, and kept.
  const scriptLines = new Map();
  const inflated = new Map();
  function block(scriptId, index) {
    const key = scriptId + ' ' + index;
    if (!inflated.has(key)) {
      if (!scriptLines.has(scriptId)) scriptLines.set(scriptId, document.getElementById(scriptId).textContent.split('\n'));
      inflated.set(key, inflate(scriptLines.get(scriptId)[index]).then((text) => text.split('\n')));
    }
    return inflated.get(key);
  }
  async function inflate(base64) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text();
  }
  // The originals' paragraphs are numbered in one table, cut into blocks.
  function paragraphBlock(number) {
    const starts = data.paragraphBlocks;
    let low = 0, high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= number) low = middle; else high = middle - 1;
    }
    return low;
  }
  async function detailOf(group) {
    const size = data.groupsPerBlock;
    const lines = await block('nd-details', Math.floor(group.index / size));
    const detail = JSON.parse(lines[group.index % size]);
    detail.text = await paragraphsNumbered(detail.text);
    detail.added = await paragraphsNumbered(detail.added);
    return detail;
  }
  async function paragraphsNumbered(numbers) {
    const blocks = await Promise.all(numbers.map((number) => block('nd-paragraphs', paragraphBlock(number))));
    return numbers.map((number, index) => blocks[index][number - data.paragraphBlocks[paragraphBlock(number)]]);
  }

  // ---- Words and numbers ----
  const numberFormat = new Intl.NumberFormat('en');
  function count(n, noun, plural) { return numberFormat.format(n) + ' ' + (n === 1 ? noun : (plural || noun + 's')); }
  function outletName(index) { return index >= 0 ? outlets[index] : ''; }
  function dateText(seconds) {
    if (seconds === null) return '';
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z').replace('T', ' ').replace(':00Z', ' UTC').replace('Z', ' UTC');
  }
  function dayText(seconds) { return seconds === null ? '' : new Date(seconds * 1000).toISOString().slice(0, 10); }

  // ---- Overview ----
  function drawCounts() {
    const counts = data.counts;
    const items = [
      [counts.documents, 'documents'], [counts.clusters, 'clusters'], [counts.copies, 'copies'],
      [counts.noStoryPages, '“no story” pages'], [counts.bundles, 'multi-item pages (bundles)'],
      [counts.bundledCopies, 'stories held by bundles'],
    ];
    append(document.getElementById('nd-counts'),
      items.map((item) => el('div', { className: 'count' }, [el('dt', { text: item[1] }), el('dd', { text: numberFormat.format(item[0]) })])));
  }

  const state = { query: '', outlet: -1, from: null, to: null, sort: 'copies', limit: pageSize };
  const list = document.getElementById('nd-list');
  const status = document.getElementById('nd-status');
  const more = document.getElementById('nd-more');
  let searchText = null;

  function drawControls() {
    const select = document.getElementById('nd-outlet');
    const members = new Array(outlets.length).fill(0);
    for (const group of groups) for (const member of group.members.concat(group.bundles)) if (member.outlet >= 0) members[member.outlet]++;
    const order = outlets.map((name, index) => index).sort((a, b) => outlets[a].localeCompare(outlets[b]));
    append(select, order.map((index) => el('option', { value: String(index), text: outlets[index] + ' (' + members[index] + ')' })));
    select.addEventListener('change', () => { state.outlet = Number(select.value); redraw(); });
    const search = document.getElementById('nd-search');
    search.addEventListener('input', () => { state.query = search.value.trim().toLowerCase(); redraw(); });
    const from = document.getElementById('nd-from');
    const to = document.getElementById('nd-to');
    const readDay = (input) => input.value ? Date.parse(input.value + 'T00:00:00Z') / 1000 : null;
    from.addEventListener('change', () => { state.from = readDay(from); redraw(); });
    to.addEventListener('change', () => { state.to = readDay(to); redraw(); });
    for (const button of document.querySelectorAll('[data-sort]')) {
      button.addEventListener('click', () => {
        state.sort = button.getAttribute('data-sort');
        for (const other of document.querySelectorAll('[data-sort]')) other.setAttribute('aria-pressed', String(other === button));
        redraw();
      });
    }
    more.addEventListener('click', () => { state.limit += pageSize; draw(); });
  }

  function matches(group) {
    if (state.query) {
      if (searchText === null) {
        searchText = groups.map((each) => [each.headline]
          .concat(each.members.concat(each.bundles).map((member) => member.id + ' ' + outletName(member.outlet)))
          .join(' ').toLowerCase());
      }
      if (searchText[group.index].indexOf(state.query) < 0) return false;
    }
    const members = group.members.concat(group.bundles);
    if (state.outlet >= 0 && !members.some((member) => member.outlet === state.outlet)) return false;
    if (state.from !== null || state.to !== null) {
      const inRange = members.some((member) => member.date !== null
        && (state.from === null || member.date >= state.from) && (state.to === null || member.date < state.to + 86400));
      if (!inRange) return false;
    }
    return true;
  }

  function ordered() {
    const shown = groups.filter(matches);
    const key = state.sort === 'outlets' ? 'outlets' : 'copies';
    const other = key === 'outlets' ? 'copies' : 'outlets';
    return shown.sort((a, b) => b[key] - a[key] || b[other] - a[other] || a.number - b.number);
  }

  let visible = [];
  function redraw() { state.limit = pageSize; draw(); }
  function draw() {
    visible = ordered();
    const limit = checking ? visible.length : Math.min(state.limit, visible.length);
    list.textContent = '';
    append(list, visible.slice(0, limit).map(row));
    status.textContent = 'Showing ' + numberFormat.format(limit) + ' of ' + count(visible.length, 'story', 'stories')
      + (visible.length < groups.length ? ' (filtered from ' + numberFormat.format(groups.length) + ')' : '');
    more.hidden = limit >= visible.length;
  }

  function row(group) {
    const original = group.members[0];
    const dates = group.members.map((member) => member.date).filter((date) => date !== null);
    const span = dates.length ? dayText(Math.min.apply(null, dates)) + (dates.length > 1 && dayText(Math.max.apply(null, dates)) !== dayText(Math.min.apply(null, dates)) ? ' – ' + dayText(Math.max.apply(null, dates)) : '') : 'undated';
    const button = el('button', { className: 'summary', type: 'button', 'aria-expanded': 'false' }, [
      el('span', { className: 'number', text: 'Cluster ' + group.number }),
      el('span', { className: 'headline', text: group.headline }),
      el('span', { className: 'badges' }, [
        el('span', { className: 'badge', text: count(group.copies, 'copy', 'copies') }),
        el('span', { className: 'badge', text: group.outlets ? count(group.outlets, 'outlet') : 'outlets not named' }),
        group.bundles.length ? el('span', { className: 'badge bundle', text: count(group.bundles.length, 'bundle') }) : null,
      ]),
      el('span', { className: 'meta', text: [outletName(original.outlet) || original.id, span].join(' · ') }),
    ]);
    const item = el('li', { className: 'group', id: 'cluster-' + group.number }, [button]);
    item.showDetail = () => toggle(group, item, button);
    button.addEventListener('click', item.showDetail);
    return item;
  }

  // Opens or closes a story; the promise settles when its detail is drawn.
  function toggle(group, item, button) {
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    const existing = item.querySelector('.detail');
    if (open) { if (existing) existing.hidden = true; return Promise.resolve(); }
    if (existing) { existing.hidden = false; return Promise.resolve(); }
    const box = el('div', { className: 'detail' }, [el('p', { className: 'note', text: 'Opening…' })]);
    item.appendChild(box);
    return detailOf(group).then((detail) => {
      box.textContent = '';
      detailView(group, detail, box);
    }).catch((error) => {
      errors.push('cluster ' + group.number + ': ' + error);
      box.textContent = 'This cluster could not be shown: ' + error;
    });
  }

  // ---- A story's detail ----
  function memberLine(member, extra) {
    return el('span', { className: 'member' }, [
      el('code', { className: 'id', text: member.id }),
      member.outlet >= 0 ? el('span', { className: 'outlet', text: outletName(member.outlet) }) : null,
      member.date !== null ? el('time', { text: dateText(member.date) }) : el('span', { className: 'undated', text: 'undated' }),
    ].concat(extra || []));
  }

  // The page given for a document, opened apart from the report (the report checks that it is
  // an http or https address).
  function sourceLink(url) {
    return url ? el('a', { className: 'source', href: url, target: '_blank', rel: 'noopener noreferrer', text: 'source' }) : null;
  }

  function detailView(group, detail, box) {
    const original = group.members[0];
    append(box, [
      el('section', { className: 'original' }, [
        el('h3', { text: 'Likely original' }),
        memberLine(original, [sourceLink(detail.url)]),
        el('p', { className: 'reason' }, [el('span', { className: 'badge reason-label', text: detail.reason }), ' ', detail.why]),
      ]),
      timeline(group),
    ]);
    const copies = group.members.slice(1).map((member, index) => ({ member, entry: detail.copies[index], bundle: false }))
      .concat(group.bundles.map((member, index) => ({ member, entry: detail.bundles[index], bundle: true })));
    if (copies.length) {
      box.appendChild(el('h3', { text: 'Copies against the original' }));
      copies.forEach((copy, index) => box.appendChild(copyView(detail, original, copy, index === 0)));
    } else {
      box.appendChild(el('p', { className: 'note', text: 'No copy: only bundles hold this story.' }));
    }
    const text = el('details', { className: 'original-text' }, [el('summary', { text: 'Text of the original (' + count(detail.text.length, 'paragraph') + ')' })]);
    let drawn = false;
    const drawText = () => {
      if (drawn) return;
      drawn = true;
      append(text, detail.text.map((paragraph, index) => paragraphView('same', String(index + 1), '', [paragraph])));
      if (detail.furniture.length) text.appendChild(furnitureView(detail.furniture));
    };
    text.addEventListener('toggle', drawText);
    if (checking) { text.open = true; drawText(); }
    box.appendChild(text);
  }

  function copyView(detail, original, copy, first) {
    const entry = copy.entry;
    const before = copy.member.date !== null && original.date !== null && copy.member.date < original.date;
    const share = copy.bundle ? 'holds ' + Math.round(copy.member.share * 100) + '%' : 'similarity ' + copy.member.share.toFixed(2);
    const summary = el('summary', {}, [
      memberLine(copy.member, [
        before ? el('span', { className: 'flag', text: 'dated before its original' }) : null,
        el('span', { className: 'share', text: share }),
        sourceLink(entry.url),
      ]),
      el('span', { className: 'relation kind-' + entry.kind, text: entry.relation }),
    ]);
    const box = el('details', { className: 'copy' }, [summary]);
    let drawn = false;
    const draw = () => {
      if (drawn) return;
      drawn = true;
      box.appendChild(diffView(detail, entry));
    };
    box.addEventListener('toggle', draw);
    if (first || checking) { box.open = true; draw(); }
    return box;
  }

  function paragraphView(kind, number, mark, content) {
    return el('div', { className: 'para ' + kind }, [
      el('span', { className: 'gutter', text: number }),
      el('span', { className: 'mark', text: mark }),
      el('p', {}, content),
    ]);
  }

  function diffView(detail, entry) {
    const text = detail.text;
    const box = el('div', { className: 'diff' });
    if (!entry.diff) {
      box.appendChild(el('p', { className: 'note', text: 'Identical to the original: every paragraph, every word.' }));
    } else {
      const ops = entry.diff;
      for (let index = 0; index < ops.length; index++) {
        const op = ops[index];
        if (typeof op === 'number' && op < 0) {
          // A run of dropped paragraphs (a cut ending) folds into one line that opens.
          let end = index;
          while (end + 1 < ops.length && typeof ops[end + 1] === 'number' && ops[end + 1] < 0) end++;
          const run = ops.slice(index, end + 1).map((dropped) => paragraphView('dropped', String(-dropped), '−', [text[-dropped - 1]]));
          if (run.length < 3) {
            append(box, run);
          } else {
            append(box, [el('details', { className: 'dropped-run' }, [
              el('summary', { text: '− paragraphs ' + (-op) + '–' + (-ops[end]) + ' of the original dropped (' + run.length + ')' }),
            ].concat(run))]);
          }
          index = end;
        } else if (typeof op === 'number') {
          box.appendChild(paragraphView('same', String(op + 1), '', [text[op]]));
        } else if (op[0] === '+') {
          const more = op[2] ? el('span', { className: 'more', text: ' … (' + count(op[2], 'more word') + ')' }) : null;
          box.appendChild(paragraphView('added', '', '+', [detail.added[op[1]], more]));
        } else {
          box.appendChild(paragraphView('changed', String(op[0] + 1), '~', changedWords(text[op[0]], op)));
        }
      }
    }
    if (entry.furniture) box.appendChild(furnitureView(entry.furniture));
    return box;
  }

  function changedWords(paragraph, op) {
    const words = paragraph.split(' ');
    const parts = [];
    let at = 0;
    for (let index = 1; index < op.length; index++) {
      const run = op[index];
      if (typeof run === 'string') {
        parts.push(el('ins', { text: run }), ' ');
      } else if (run > 0) {
        parts.push(words.slice(at, at + run).join(' ') + ' ');
        at += run;
      } else {
        parts.push(el('del', { text: words.slice(at, at - run).join(' ') }), ' ');
        at -= run;
      }
    }
    return parts;
  }

  function furnitureView(blocks) {
    return el('div', { className: 'furniture' }, [
      el('p', { className: 'furniture-title', text: 'Page furniture left out of the story (' + count(blocks.length, 'block') + ')' }),
      el('ul', {}, blocks.map((block) => el('li', {}, [el('span', { className: 'why', text: block[0] }), ' ', block[1]]))),
    ]);
  }

  // ---- Timeline: dated members by publication time, earliest first ----
  function timeline(group) {
    const original = group.members[0];
    const dated = group.members.map((member, index) => ({ member, index })).filter((item) => item.member.date !== null)
      .sort((a, b) => a.member.date - b.member.date || a.index - b.index);
    if (!dated.length) return el('p', { className: 'note', text: 'No dates: no timeline.' });
    const first = dated[0].member.date;
    const last = dated[dated.length - 1].member.date;
    const width = 860, left = 300, right = 150, rowHeight = 22, top = 34;
    const height = top + dated.length * rowHeight + 8;
    const x = (date) => left + (last === first ? 0 : (date - first) / (last - first) * (width - left - right));
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, width: '100%', role: 'img', class: 'timeline' });
    chart.appendChild(svg('title', {}, 'Copies by publication time, earliest first'));
    chart.appendChild(svg('line', { x1: left, y1: top - 10, x2: width - right, y2: top - 10, class: 'axis' }));
    chart.appendChild(svg('text', { x: left, y: 14, class: 'tick' }, dateText(first)));
    if (last !== first) chart.appendChild(svg('text', { x: width - right, y: 14, class: 'tick end' }, dateText(last)));
    dated.forEach((item, position) => {
      const y = top + position * rowHeight + rowHeight / 2;
      const isOriginal = item.index === 0;
      const before = !isOriginal && original.date !== null && item.member.date < original.date;
      const label = outletName(item.member.outlet) || item.member.id;
      chart.appendChild(svg('line', { x1: left, y1: y, x2: width - right, y2: y, class: 'lane' }));
      chart.appendChild(svg('text', { x: left - 10, y: y + 4, class: 'label end' }, label.length > 42 ? label.slice(0, 41) + '…' : label));
      const dot = svg('circle', { cx: x(item.member.date), cy: y, r: 6, class: isOriginal ? 'dot original' : before ? 'dot early' : 'dot' });
      dot.appendChild(svg('title', {}, item.member.id + ' — ' + dateText(item.member.date)));
      chart.appendChild(dot);
      const note = isOriginal ? 'original' : before ? 'before its original' : '+' + elapsed(item.member.date - original.date);
      chart.appendChild(svg('text', { x: width - right + 10, y: y + 4, class: isOriginal ? 'note original' : before ? 'note early' : 'note' }, note));
    });
    const undated = group.members.length - dated.length;
    return el('figure', { className: 'timeline-box' }, [chart,
      undated ? el('figcaption', { text: count(undated, 'member') + ' undated, not shown' }) : null]);
  }
  function elapsed(seconds) {
    if (seconds < 3600) return Math.round(seconds / 60) + ' min';
    if (seconds < 172800) return (seconds / 3600).toFixed(1).replace('.0', '') + ' h';
    return Math.round(seconds / 86400) + ' days';
  }

  // ---- Start ----
  inflate(document.getElementById('nd-overview').textContent).then((text) => {
    readOverview(JSON.parse(text));
    drawCounts();
    drawControls();
    draw();
    const timing = document.getElementById('nd-timing');
    const firstDraw = performance.now();
    timing.setAttribute('data-first-draw-ms', firstDraw.toFixed(0));
    timing.textContent = 'Drawn ' + firstDraw.toFixed(0) + ' ms after the page was opened.';
    openWanted();
    if (checking) return checkEverything();
  }).catch((error) => {
    errors.push(String(error));
    document.getElementById('nd-status').textContent = 'This report could not be read: ' + error;
    if (checking) document.body.appendChild(el('pre', { id: 'nd-check', 'data-status': 'failed', text: JSON.stringify({ errors }) }));
  });

  // #cluster=N: that cluster first in the list, open.
  function openWanted() {
    const wanted = /^#cluster=(\d+)$/.exec(location.hash);
    const group = wanted && groups.find((each) => each.number === Number(wanted[1]));
    if (!group) return;
    const item = document.getElementById('cluster-' + group.number) || row(group);
    list.insertBefore(item, list.firstChild);
    item.showDetail();
  }

  async function checkEverything() {
    let opened = 0;
    for (const group of groups) {
      try {
        const item = document.getElementById('cluster-' + group.number);
        if (item && item.querySelector('.summary').getAttribute('aria-expanded') !== 'true') await item.showDetail();
        if (item && item.querySelector('.detail .original')) opened++;
      } catch (error) {
        errors.push('cluster ' + group.number + ': ' + error);
      }
    }
    const result = {
      stories: groups.length, opened, diffs: document.querySelectorAll('.detail .diff').length,
      copies: groups.reduce((total, group) => total + group.copies + group.bundles.length, 0), errors,
    };
    const ok = errors.length === 0 && opened === groups.length && result.diffs === result.copies;
    document.body.appendChild(el('pre', { id: 'nd-check', 'data-status': ok ? 'ok' : 'failed', text: JSON.stringify(result) }));
  }
})();
"""#
}
