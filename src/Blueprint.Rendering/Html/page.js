// The interactive blueprint page (SPEC section 8): trace, details, search, zoom and pan, lanes, keyboard, and for
// `blueprint serve` the diagram swapped in place when the file changes. No framework; the SVG is the graph.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('bp-js');
  var viewport = document.getElementById('bp-viewport');
  var canvas = document.getElementById('bp-canvas');
  var panel = document.getElementById('bp-details');
  var search = document.getElementById('bp-search');
  var errorsBox = document.getElementById('bp-errors');
  var MARKS = ['bp-focus', 'bp-upstream', 'bp-downstream', 'bp-trace', 'bp-trace-up', 'bp-trace-down', 'bp-dim', 'bp-match'];

  var cards = readJson(document.getElementById('bp-data'));
  var view = { scale: 1, x: 0, y: 0 };
  var userMoved = false;          // until the reader zooms or pans, the diagram is kept fitted to the window
  var hoverId = null, focusId = null, openId = null, query = '';
  var lanesOff = {};
  var g = null;                   // the graph read from the SVG: elements and arrows by card

  function readJson(element) {
    try { return JSON.parse(element.textContent) || {}; } catch (e) { return {}; }
  }

  function list(selector) { return Array.prototype.slice.call(canvas.querySelectorAll(selector)); }

  function push(map, key, value) { (map[key] || (map[key] = [])).push(value); }

  /** Reads the cards and arrows from the SVG, and makes the cards and lane labels reachable by keyboard. */
  function readDiagram() {
    g = { cards: list('.bp-card'), marks: list('.bp-card-marks'), arrows: list('.bp-arrow'), labels: list('.bp-arrow-label'), out: {}, into: {}, laneOf: {} };
    g.arrows.forEach(function (a) {
      // A diff drawing's removed arrow is drawn as a ghost, but no longer leads anywhere.
      if (a.getAttribute('data-diff') === 'removed') return;
      push(g.out, a.getAttribute('data-from'), a.getAttribute('data-to'));
      push(g.into, a.getAttribute('data-to'), a.getAttribute('data-from'));
    });
    g.cards.forEach(function (c) {
      var id = c.getAttribute('data-id'), info = cards[id];
      g.laneOf[id] = c.getAttribute('data-lane');
      c.setAttribute('tabindex', '0');
      c.setAttribute('role', 'button');
      c.setAttribute('aria-label', (info ? info.text : id) + (info ? ' (' + info.lane + ', ' + info.step + ')' : ''));
    });
    list('.bp-lane-label').forEach(function (l) {
      l.setAttribute('tabindex', '0');
      l.setAttribute('role', 'button');
      l.setAttribute('aria-label', 'Show or hide the lane ' + (l.textContent || '').trim());
    });
    showLanes();
    mark();
  }

  /** Every card reachable from `start` along `next` (the start itself too when it is on a cycle). */
  function reach(start, next) {
    var seen = {}, stack = [start];
    while (stack.length) {
      (next[stack.pop()] || []).forEach(function (id) {
        if (!seen[id]) { seen[id] = true; stack.push(id); }
      });
    }
    return seen;
  }

  function cardText(id) {
    var info = cards[id];
    return (info ? info.text : '').toLowerCase();
  }

  /** Sets the marks of the trace (hover, else keyboard focus) or of the search on every card and arrow. */
  function mark() {
    if (!g) return;
    var all = g.cards.concat(g.marks, g.arrows, g.labels);
    all.forEach(function (el) { el.classList.remove.apply(el.classList, MARKS); });
    var traced = hoverId || focusId;
    if (traced && g.laneOf[traced] !== undefined) {
      var up = reach(traced, g.into), down = reach(traced, g.out);
      g.cards.concat(g.marks).forEach(function (el) {
        var id = el.getAttribute('data-id');
        if (id === traced) { el.classList.add('bp-focus'); return; }
        if (up[id]) el.classList.add('bp-upstream');
        if (down[id]) el.classList.add('bp-downstream');
        if (!up[id] && !down[id]) el.classList.add('bp-dim');
      });
      g.arrows.concat(g.labels).forEach(function (el) {
        var from = el.getAttribute('data-from'), to = el.getAttribute('data-to');
        var onUp = up[from] && (to === traced || up[to]);          // from a card that leads to the traced one
        var onDown = (from === traced || down[from]) && down[to];  // towards a card that follows from it
        if (onUp || onDown) {
          el.classList.add('bp-trace');
          el.classList.add(onDown ? 'bp-trace-down' : 'bp-trace-up');
        } else {
          el.classList.add('bp-dim');
        }
      });
    } else if (query) {
      var hit = {};
      g.cards.forEach(function (el) {
        var id = el.getAttribute('data-id');
        if (cardText(id).indexOf(query) >= 0) hit[id] = true;
      });
      g.cards.concat(g.marks).forEach(function (el) {
        el.classList.add(hit[el.getAttribute('data-id')] ? 'bp-match' : 'bp-dim');
      });
      g.arrows.concat(g.labels).forEach(function (el) {
        if (!(hit[el.getAttribute('data-from')] && hit[el.getAttribute('data-to')])) el.classList.add('bp-dim');
      });
    }
  }

  /** Hides the cards of the lanes turned off, and the arrows that touch them. */
  function showLanes() {
    list('.bp-lane, .bp-lane-label').forEach(function (el) {
      var off = !!lanesOff[el.getAttribute('data-id')];
      el.classList.toggle('bp-lane-off', off);
      if (el.classList.contains('bp-lane-label')) el.setAttribute('aria-pressed', off ? 'false' : 'true');
    });
    g.cards.forEach(function (el) {
      var off = !!lanesOff[el.getAttribute('data-lane')];
      el.classList.toggle('bp-hidden', off);
      el.setAttribute('tabindex', off ? '-1' : '0');
    });
    g.marks.forEach(function (el) { el.classList.toggle('bp-hidden', !!lanesOff[g.laneOf[el.getAttribute('data-id')]]); });
    g.arrows.concat(g.labels).forEach(function (el) {
      el.classList.toggle('bp-hidden', !!(lanesOff[g.laneOf[el.getAttribute('data-from')]] || lanesOff[g.laneOf[el.getAttribute('data-to')]]));
    });
  }

  function toggleLane(id) {
    lanesOff[id] = !lanesOff[id];
    showLanes();
  }

  // ---- the details panel ----

  function row(dl, name, value) {
    if (value === undefined || value === null || value === '') return;
    var dt = document.createElement('dt'), dd = document.createElement('dd');
    dt.textContent = name;
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }

  function badge(kind, letter, text) {
    var span = document.createElement('span'), wrap = document.createElement('span');
    span.className = 'bp-mark bp-mark-' + kind;
    span.textContent = letter;
    wrap.appendChild(span);
    wrap.appendChild(document.createTextNode(text));
    return wrap;
  }

  function listOf(texts) {
    if (!texts || !texts.length) return null;
    var ul = document.createElement('ul');
    texts.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      ul.appendChild(li);
    });
    return ul;
  }

  /** A diff drawing's changed fields, each with its value before and after (none: "(none)"). */
  function changesOf(changes) {
    if (!changes || !changes.length) return null;
    var table = document.createElement('table');
    table.className = 'bp-changes';
    changes.forEach(function (c) {
      var tr = document.createElement('tr');
      [c.field, c.before === null ? '(none)' : c.before, '\u2192', c.after === null ? '(none)' : c.after].forEach(function (text, i) {
        var td = document.createElement('td');
        td.textContent = text;
        td.className = ['bp-change-field', 'bp-change-before', 'bp-change-arrow', 'bp-change-after'][i];
        tr.appendChild(td);
      });
      table.appendChild(tr);
    });
    return table;
  }

  function neighbours(ids) {
    return listOf((ids || []).map(function (id) { return cards[id] ? cards[id].text : id; }));
  }

  function openDetails(id) {
    var info = cards[id];
    if (!info) return;
    openId = id;
    panel.textContent = '';
    var close = document.createElement('button');
    close.type = 'button';
    close.id = 'bp-details-close';
    close.setAttribute('aria-label', 'Close the details');
    close.textContent = '\u00d7';
    close.addEventListener('click', closeDetails);
    var h = document.createElement('h2');
    h.textContent = info.text;
    var dl = document.createElement('dl');
    row(dl, 'Card', id);
    row(dl, 'Lane', info.lane);
    row(dl, 'Step', info.step);
    row(dl, 'Scene', info.scene);
    row(dl, 'Owner', info.owner);
    if (info.fail) row(dl, 'Fail point', badge('fail', 'F', info.fail));
    if (info.wait) row(dl, 'Wait point', badge('wait', 'W', info.wait));
    if (info.pain) row(dl, 'Pain point', badge('pain', 'P', info.pain));
    row(dl, 'Note', info.note);
    if (info.url) {
      var a = document.createElement('a');
      a.textContent = info.url;
      if (/^(https?:|mailto:|[^:]*$)/i.test(info.url)) a.href = info.url;
      row(dl, 'Link', a);
    }
    row(dl, 'Duration', info.duration);
    row(dl, 'Metrics', listOf(info.metrics));
    row(dl, 'Policy', info.policy);
    if (info.mark) row(dl, 'Change', { added: 'added in this version', changed: 'changed in this version', removed: 'removed in this version' }[info.mark] || info.mark);
    row(dl, 'Before and after', changesOf(info.changes));
    row(dl, 'Comes from', neighbours(g.into[id]));
    row(dl, 'Leads to', neighbours(g.out[id]));
    panel.appendChild(close);
    panel.appendChild(h);
    panel.appendChild(dl);
    panel.hidden = false;
  }

  function closeDetails() {
    panel.hidden = true;
    openId = null;
  }

  // ---- zoom and pan ----

  function place() {
    canvas.style.transform = 'translate(' + view.x + 'px, ' + view.y + 'px) scale(' + view.scale + ')';
  }

  function diagramSize() {
    var svg = canvas.querySelector('svg');
    if (!svg) return { w: 1, h: 1 };
    return { w: parseFloat(svg.getAttribute('width')) || 1, h: parseFloat(svg.getAttribute('height')) || 1 };
  }

  function fit() {
    var size = diagramSize(), w = viewport.clientWidth, h = viewport.clientHeight;
    view.scale = Math.min(1, Math.max(0.05, Math.min(w / size.w, h / size.h)));
    view.x = Math.max(0, (w - size.w * view.scale) / 2);
    view.y = Math.max(0, (h - size.h * view.scale) / 2);
    place();
  }

  function zoomAt(factor, cx, cy) {
    var scale = Math.min(8, Math.max(0.05, view.scale * factor));
    view.x = cx - (cx - view.x) * (scale / view.scale);
    view.y = cy - (cy - view.y) * (scale / view.scale);
    view.scale = scale;
    userMoved = true;
    place();
  }

  function zoomCentre(factor) { zoomAt(factor, viewport.clientWidth / 2, viewport.clientHeight / 2); }

  function pan(dx, dy) {
    view.x += dx;
    view.y += dy;
    userMoved = true;
    place();
  }

  viewport.addEventListener('wheel', function (e) {
    e.preventDefault();
    var box = viewport.getBoundingClientRect();
    if (e.shiftKey) { pan(-e.deltaY, 0); return; }
    zoomAt(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - box.left, e.clientY - box.top);
  }, { passive: false });

  var drag = null, dragged = false;
  viewport.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) return;
    drag = { x: e.clientX, y: e.clientY, id: e.pointerId };
    dragged = false;
  });
  viewport.addEventListener('pointermove', function (e) {
    if (!drag || drag.id !== e.pointerId) return;
    var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!dragged) { dragged = true; viewport.setPointerCapture(e.pointerId); viewport.classList.add('bp-panning'); }
    drag.x = e.clientX;
    drag.y = e.clientY;
    pan(dx, dy);
  });
  function endDrag() { drag = null; viewport.classList.remove('bp-panning'); }
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);

  document.getElementById('bp-zoom-in').addEventListener('click', function () { zoomCentre(1.25); });
  document.getElementById('bp-zoom-out').addEventListener('click', function () { zoomCentre(0.8); });
  document.getElementById('bp-fit').addEventListener('click', function () { userMoved = false; fit(); });
  window.addEventListener('resize', function () { if (!userMoved) fit(); });

  // ---- pointer and keyboard on the diagram ----

  function cardOf(target) {
    var el = target && target.closest ? target.closest('.bp-card, .bp-card-marks') : null;
    return el && !el.classList.contains('bp-hidden') ? el.getAttribute('data-id') : null;
  }

  canvas.addEventListener('mouseover', function (e) {
    var id = cardOf(e.target);
    if (id !== hoverId) { hoverId = id; mark(); }
  });
  canvas.addEventListener('mouseleave', function () {
    if (hoverId) { hoverId = null; mark(); }
  });
  canvas.addEventListener('focusin', function (e) {
    var id = cardOf(e.target);
    focusId = id;
    mark();
  });
  canvas.addEventListener('focusout', function () {
    focusId = null;
    mark();
  });
  canvas.addEventListener('click', function (e) {
    if (dragged) { e.preventDefault(); dragged = false; return; }
    var lane = e.target.closest ? e.target.closest('.bp-lane-label') : null;
    if (lane) { toggleLane(lane.getAttribute('data-id')); return; }
    var id = cardOf(e.target);
    if (!id) return;
    // A card's own link opens from the details panel, so a click on the card always shows what it holds.
    e.preventDefault();
    openDetails(id);
  });

  function clearAll() {
    hoverId = null;
    focusId = null;
    closeDetails();
    if (document.activeElement && canvas.contains(document.activeElement)) document.activeElement.blur();
    mark();
  }

  document.addEventListener('keydown', function (e) {
    if (e.target === search) {
      if (e.key === 'Escape') { search.value = ''; setQuery(''); search.blur(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var onCard = cardOf(e.target), onLane = e.target.closest && e.target.closest('.bp-lane-label');
    switch (e.key) {
      case 'Escape': clearAll(); break;
      case 'Enter':
      case ' ':
        if (onCard) openDetails(onCard);
        else if (onLane) toggleLane(onLane.getAttribute('data-id'));
        else return;
        break;
      case '+': case '=': zoomCentre(1.25); break;
      case '-': case '_': zoomCentre(0.8); break;
      case '0': userMoved = false; fit(); break;
      case 'ArrowLeft': pan(60, 0); break;
      case 'ArrowRight': pan(-60, 0); break;
      case 'ArrowUp': pan(0, 60); break;
      case 'ArrowDown': pan(0, -60); break;
      case '/': search.focus(); break;
      default: return;
    }
    e.preventDefault();
  });

  function setQuery(text) {
    query = text.trim().toLowerCase();
    mark();
  }
  search.addEventListener('input', function () { setQuery(search.value); });

  // ---- serve: a new diagram, or the findings of a file with errors ----

  function showErrors(update) {
    errorsBox.textContent = '';
    if (!update.errors || !update.errors.length) { errorsBox.hidden = true; return; }
    var h = document.createElement('h2'), ul = document.createElement('ul');
    h.textContent = update.heading;
    update.errors.forEach(function (line) {
      var li = document.createElement('li'), code = document.createElement('code');
      code.textContent = line;
      li.appendChild(code);
      ul.appendChild(li);
    });
    errorsBox.appendChild(h);
    errorsBox.appendChild(ul);
    errorsBox.hidden = false;
  }

  /** Swaps the diagram in place: zoom, pan, the focused card, the open details and the lanes turned off all stay. */
  function swap(update) {
    if (update.svg !== undefined) {
      var hadFocus = focusId;
      cards = update.cards || {};
      canvas.innerHTML = update.svg;
      readDiagram();
      if (!userMoved) fit();
      if (hadFocus) {
        var again = canvas.querySelector('.bp-card[data-id="' + CSS.escape(hadFocus) + '"]');
        if (again) { again.focus({ preventScroll: true }); focusId = hadFocus; mark(); }
      }
      if (openId) { if (cards[openId]) openDetails(openId); else closeDetails(); }
    }
    showErrors(update);
  }

  if (root.hasAttribute('data-live') && window.EventSource) {
    var events = new EventSource(root.getAttribute('data-live'));
    events.addEventListener('diagram', function (e) {
      try { swap(JSON.parse(e.data)); } catch (err) { /* a broken message is skipped; the next one replaces it */ }
    });
  }

  // #card=ID in the address traces that card from the start (a link to "what depends on this").
  readDiagram();
  fit();
  var wanted = /^#card=(.+)$/.exec(location.hash);
  if (wanted) {
    var id = decodeURIComponent(wanted[1]);
    var el = canvas.querySelector('.bp-card[data-id="' + CSS.escape(id) + '"]');
    if (el) el.focus({ preventScroll: true });
  }
})();
