// chronicle's web UI: one page, hash routes (#/search?q=…, #/article/ID), every
// view drawn from the JSON API of the same server. Data never goes through
// innerHTML: text is set with text nodes, so article text cannot inject markup.
// Offsets from the API are Unicode code points; the article view indexes an
// array of code points (Array.from(body)), never UTF-16 units.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const view = document.getElementById("view");
const tip = document.getElementById("tip");

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function hashFor(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const s = q.toString();
  return "#" + path + (s ? "?" + s : "");
}

function entityLink(name, text) {
  return el("a", { class: "entity-link", href: "#/entity/" + encodeURIComponent(name) }, text || name);
}

function articleLink(id, text, params) {
  return el("a", { href: hashFor("/article/" + encodeURIComponent(id), params) }, text);
}

// A place filter value: the exact place when it is resolved, else its name.
function placeKey(p) { return p.geonameid ? "geonames:" + p.geonameid : p.name; }

// Links from a place to the views filtered by it.
function placeLinks(p) {
  const place = placeKey(p);
  return el("span", { class: "place-links small" },
    [["/articles", "articles"], ["/timeline", "timeline"], ["/quotes", "quotes"], ["/figures", "figures"], ["/events", "events"]]
      .flatMap(([path, label], i) => [i ? " · " : "", el("a", { href: hashFor(path, { place }) }, label)]));
}

// What a place filter was taken to mean (the answer's `place`), with links
// to the other places the name may mean; nothing without a filter.
function placeNote(place, path, params) {
  if (place === undefined) return null;
  if (place === null) return el("p", { class: "muted place-note" }, "No place in the knowledge base is called “" + params.place + "”.");
  const parts = ["Where a sentence names ", el("strong", {}, place.name), place.country ? " (" + place.country + ")" : "",
    place.is_country ? " or a place in it" : "", "."];
  if (place.others.length) {
    parts.push(" The name may also mean ", ...place.others.flatMap((o, i) => [i ? ", " : "",
      el("a", { href: hashFor(path, { ...params, place: placeKey(o) }) }, o.name + (o.country ? " (" + o.country + ")" : ""))]), ".");
  }
  return el("p", { class: "muted place-note" }, parts);
}

async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v) q.set(k, v);
  const url = "/api/" + path + (q.toString() ? "?" + q : "");
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON */ }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message || "request failed (" + response.status + ")");
  }
  return body;
}

function squash(s) { return (s || "").replace(/\s+/g, " ").trim(); }

function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

function fmtDate(d) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d || "")) return d || "";
  const [y, m, day] = d.split("-").map(Number);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return day + " " + months[m - 1] + " " + y;
}

function fmtNumber(n) {
  if (typeof n !== "number") return String(n);
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function loading() { view.replaceChildren(el("p", { class: "muted" }, "Loading…")); }

function showError(where, err) {
  where.replaceChildren(el("div", { class: "error", role: "alert" }, err.message || String(err)));
}

// A form whose fields become the hash route's parameters.
function queryForm(path, fields, values, extraClass) {
  const form = el("form", { class: "query " + (extraClass || "") });
  for (const f of fields) {
    const input = f.options
      ? el("select", { name: f.name, "aria-label": f.label },
        f.options.map(([value, text]) => el("option", { value, selected: value === (values[f.name] || "") }, text)))
      : el("input", {
        name: f.name, type: f.type || "text", value: values[f.name] || "",
        placeholder: f.placeholder || "", "aria-label": f.label,
      });
    if (f.options) input.addEventListener("change", () => form.requestSubmit());
    form.append(el("label", { class: f.wide ? "wide" : "" }, el("span", {}, f.label), input));
  }
  form.append(el("button", { type: "submit" }, "Go"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const params = {};
    for (const f of fields) params[f.name] = form.elements[f.name].value.trim();
    location.hash = hashFor(path, params);
  });
  return form;
}

// ---------- tooltips ----------

document.addEventListener("mouseover", (e) => {
  const target = e.target.closest && e.target.closest("[data-tip]");
  if (!target) { tip.hidden = true; return; }
  tip.textContent = target.dataset.tip;
  tip.hidden = false;
  const r = target.getBoundingClientRect();
  const top = r.bottom + 8;
  tip.style.left = Math.max(8, Math.min(r.left, window.innerWidth - tip.offsetWidth - 8)) + "px";
  tip.style.top = (top + tip.offsetHeight > window.innerHeight ? r.top - tip.offsetHeight - 8 : top) + "px";
});
document.addEventListener("scroll", () => { tip.hidden = true; }, { passive: true });

// ---------- views ----------

async function homeView() {
  loading();
  const [stats, latest] = await Promise.all([api("stats"), api("articles", { limit: 8 })]);
  const cards = el("div", { class: "cards" },
    [["articles", stats.articles], ["quotes", stats.quotes], ["entities", stats.entities],
      ["dates", stats.timexes], ["figures", stats.figures], ["places", stats.places]]
      .map(([k, v]) => el("div", { class: "card" }, el("strong", {}, fmtNumber(v)), el("span", {}, k))));
  const range = stats.first_date
    ? "Reports from " + fmtDate(stats.first_date) + " to " + fmtDate(stats.last_date) + "."
    : "The knowledge base is empty: ingest articles with `chronicle ingest` or POST /api/ingest.";
  view.replaceChildren(
    el("section", { class: "hero" },
      el("h1", {}, "What happened, who said it, and where"),
      el("p", { class: "lede" }, range + " Every highlight points back to the characters it came from."),
      queryForm("/search", [{ name: "q", label: "Search", placeholder: "e.g. sanctions", wide: true }], {}, "big")),
    cards,
    el("h2", {}, "Latest reports"),
    articleList(latest.results),
    el("p", {}, el("a", { href: "#/articles" }, "All articles →")));
}

function articleList(items) {
  if (!items.length) return el("p", { class: "muted" }, "No articles.");
  return el("ol", { class: "list articles" }, items.map((a) =>
    el("li", {},
      el("div", { class: "meta" }, fmtDate(a.date)),
      el("h3", {}, articleLink(a.article, a.title || a.article)),
      el("p", { class: "opening" }, squash(a.opening) + (a.opening.length >= 240 ? "…" : "")))));
}

// A sentence whose matches FTS5 marked [like this].
function highlightedSentence(text) {
  const out = [];
  const re = /\[([^\[\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    out.push(text.slice(last, m.index), el("mark", { class: "match" }, m[1]));
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}

async function searchView(params) {
  const form = queryForm("/search", [
    { name: "q", label: "Words", placeholder: "all must appear", wide: true },
    { name: "place", label: "Place", placeholder: "e.g. Poland" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], params);
  const results = el("div", { id: "results" });
  view.replaceChildren(el("h1", {}, "Search"), form, results);
  if (!params.q) {
    results.append(el("p", { class: "muted" }, "Sentences that contain every word, best match first. Words are stemmed: strike finds strikes."));
    return;
  }
  results.append(el("p", { class: "muted" }, "Searching…"));
  const data = await api("search", { q: params.q, place: params.place, from: params.from, to: params.to, limit: 50 });
  results.replaceChildren(
    placeNote(data.place, "/search", params) || "",
    el("p", { class: "count" }, plural(data.count, "sentence") + (data.count === 50 ? " (the best 50)" : "")),
    el("ol", { class: "list hits" }, data.results.map((h) =>
      el("li", { class: "hit" },
        el("blockquote", {}, highlightedSentence(squash(h.highlighted))),
        el("div", { class: "meta" }, fmtDate(h.date), " · ",
          articleLink(h.article, h.title || h.article, { s: h.start + "-" + h.end }))))));
}

async function timelineView(params) {
  const form = queryForm("/timeline", [
    { name: "entity", label: "Entity", placeholder: "e.g. NATO", wide: true },
    { name: "place", label: "Place", placeholder: "e.g. Poland" },
    { name: "from", label: "Happened from", type: "date" },
    { name: "to", label: "to", type: "date" },
  ], params);
  const results = el("div", { id: "results" });
  view.replaceChildren(el("h1", {}, "Timeline"),
    el("p", { class: "muted" }, "Ordered by the day things happened — the resolved dates — not the day they were reported."),
    form, results);
  results.append(el("p", { class: "muted" }, "Loading…"));
  const data = await api("timeline", { entity: params.entity, place: params.place, from: params.from, to: params.to, limit: 200 });
  const note = placeNote(data.place, "/timeline", params) || "";
  if (!data.count) { results.replaceChildren(note, el("p", { class: "muted" }, "Nothing dated matches.")); return; }
  const days = new Map();
  for (const h of data.results) {
    if (!days.has(h.day)) days.set(h.day, []);
    days.get(h.day).push(h);
  }
  results.replaceChildren(note, el("p", { class: "count" }, plural(data.count, "dated sentence")),
    el("ol", { class: "timeline" }, [...days].map(([day, hits]) =>
      el("li", { class: "day" },
        el("div", { class: "day-label" }, el("time", { datetime: day }, fmtDate(day))),
        el("ul", {}, hits.map((h) => el("li", {},
          el("p", {}, h.event ? [el("a", { class: "chip chip-event", href: hashFor("/events", { type: h.event, from: day, to: day }) }, h.event), " "] : "",
            markWhen(squash(h.sentence), h.when, day)),
          el("div", { class: "meta" }, "reported " + fmtDate(h.reported) + " · ",
            articleLink(h.article, h.title || h.article)))))))));
}

// The sentence with its temporal expression marked, hover showing the day.
function markWhen(sentence, when, day) {
  const at = sentence.indexOf(squash(when));
  if (at < 0) return [sentence];
  return [sentence.slice(0, at),
    el("mark", { class: "hl hl-timex", "data-tip": "“" + when + "” → " + day }, sentence.slice(at, at + squash(when).length)),
    sentence.slice(at + squash(when).length)];
}

async function quotesView(params) {
  const form = queryForm("/quotes", [
    { name: "speaker", label: "Speaker", placeholder: "part of the name" },
    { name: "about", label: "About", placeholder: "words in the quote" },
    { name: "place", label: "Place", placeholder: "e.g. Poland" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], params);
  const speakers = el("aside", { class: "speakers" }, el("h2", {}, "Speakers"));
  const results = el("div", { class: "quotes-main" });
  view.replaceChildren(el("h1", {}, "Quotes"), form, el("div", { class: "split" }, speakers, results));
  const [who, data] = await Promise.all([
    api("speakers", { limit: 40 }),
    api("quotes", { speaker: params.speaker, about: params.about, place: params.place, from: params.from, to: params.to, limit: 200 }),
  ]);
  speakers.append(el("ul", {}, who.results.map((s) =>
    el("li", { class: s.speaker === params.speaker ? "active" : "" },
      el("a", { href: hashFor("/quotes", { speaker: s.speaker, about: params.about, place: params.place, from: params.from, to: params.to }) }, s.speaker),
      el("span", { class: "badge", title: plural(s.articles, "article") }, String(s.quotes))))));
  const note = placeNote(data.place, "/quotes", params) || "";
  if (!data.count) { results.append(note, el("p", { class: "muted" }, "No quotes match.")); return; }
  results.append(note, el("p", { class: "count" }, plural(data.count, "quote")),
    el("ol", { class: "list quotes" }, data.results.map((q) =>
      el("li", { class: "quote kind-" + q.kind },
        el("blockquote", {}, squash(q.text)),
        el("div", { class: "meta" },
          el("strong", {}, q.speaker ? entityLink(q.speaker) : "unattributed"), " · " + q.kind + " · " + fmtDate(q.date) + " · ",
          articleLink(q.article, q.title || q.article, { s: q.start + "-" + q.end }))))));
}

async function articlesView(params) {
  const offset = Number(params.offset || 0);
  const form = queryForm("/articles", [
    { name: "place", label: "Place", placeholder: "e.g. Ukraine" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], params);
  const data = await api("articles", { place: params.place, from: params.from, to: params.to, limit: 30, offset: offset || null });
  const pager = el("nav", { class: "pager" },
    offset > 0 ? el("a", { href: hashFor("/articles", { ...params, offset: String(Math.max(0, offset - 30)) }) }, "← Newer") : null,
    data.count === 30 ? el("a", { href: hashFor("/articles", { ...params, offset: String(offset + 30) }) }, "Older →") : null);
  view.replaceChildren(el("h1", {}, params.place ? "Articles naming " + (data.place ? data.place.name : params.place) : "Articles"), form,
    placeNote(data.place, "/articles", params) || "", articleList(data.results), pager);
}

// ---------- the article view ----------

const LAYERS = [
  { key: "quote", label: "Quotes" },
  { key: "speaker", label: "Speakers" },
  { key: "entity", label: "Entities" },
  { key: "place", label: "Places" },
  { key: "timex", label: "Dates" },
  { key: "figure", label: "Figures" },
];
const ORDER = { target: 0, quote: 1, speaker: 2, entity: 3, place: 4, timex: 5, figure: 6 };

function describeTimex(t) {
  let s = t.type + " “" + t.text + "” → " + t.value;
  if (t.anchor && t.anchor.kind === "publication_date") s += "\nrelative to the publication date " + t.anchor.value;
  else if (t.anchor && t.anchor.kind === "timex") s += "\nrelative to “" + t.anchor.text + "” (" + t.anchor.value + ")";
  return s;
}

function describeFigure(f) {
  const approx = { exact: "", at_least: "at least ", more_than: "more than ", less_than: "less than ", about: "about ", nearly: "nearly ", up_to: "up to ", range: "" }[f.approx] || "";
  let value = f.low !== undefined && f.high !== undefined && f.low !== null ? fmtNumber(f.low) + "–" + fmtNumber(f.high) : fmtNumber(f.value);
  let s = "Figure: " + approx + value + (f.unit ? " " + f.unit : "");
  if (f.counted) s += " " + f.counted.text;
  s += "\ncategory: " + f.category;
  if (f.of) s += "\nof: " + f.of.text;
  if (f.where) s += "\nwhere: " + f.where.text;
  return s;
}

function describePlace(p) {
  let s = "Place: " + p.name + (p.admin1 ? ", " + p.admin1 : "") + (p.country ? " (" + p.country + ")" : "");
  if (typeof p.lat === "number") s += "\n" + p.lat.toFixed(2) + ", " + p.lon.toFixed(2);
  if (p.geonameid) s += " · GeoNames " + p.geonameid;
  s += "\n" + p.kind + (typeof p.confidence === "number" ? " · confidence " + p.confidence.toFixed(2) : "");
  if (p.relation) s += "\n" + p.relation.type.replace(/_/g, " ") + ": “" + p.relation.text + "”" +
    (p.relation.distance ? " (" + p.relation.distance + " " + (p.relation.unit || "") + ")" : "");
  return s;
}

const ENTITY_NAMES = { PER: "person", ORG: "organisation", LOC: "location", MISC: "other name" };

// Every highlight of an article as {start, end, layer, cls, tip}.
function spansOf(a, target) {
  const spans = [];
  for (const e of a.entities || []) spans.push({ start: e.start, end: e.end, layer: "entity", cls: "ent-" + e.type, tip: "Entity: " + (ENTITY_NAMES[e.type] || e.type) + "\n" + e.text });
  for (const t of a.timexes || []) spans.push({ start: t.start, end: t.end, layer: "timex", tip: describeTimex(t) });
  for (const q of a.quotes || []) {
    const who = q.speaker ? q.speaker.name : "unattributed";
    spans.push({ start: q.start, end: q.end, layer: "quote", cls: "kind-" + q.kind, tip: (q.kind.charAt(0).toUpperCase() + q.kind.slice(1)) + " quote — speaker: " + who + (q.cue ? "\ncue: " + q.cue.text : "") });
    if (q.speaker && q.speaker.end > q.speaker.start) spans.push({ start: q.speaker.start, end: q.speaker.end, layer: "speaker", tip: "Speaker: " + q.speaker.name });
  }
  for (const f of a.figures || []) spans.push({ start: f.start, end: f.end, layer: "figure", tip: describeFigure(f) });
  for (const p of a.places || []) spans.push({ start: p.start, end: p.end, layer: "place", cls: "place-" + p.kind, tip: describePlace(p) });
  if (target) spans.push({ start: target[0], end: target[1], layer: "target" });
  // The same speaker mention can introduce several quotes: keep it once.
  const seen = new Set();
  return spans.filter((s) => {
    const key = s.layer + ":" + s.start + ":" + s.end;
    if (seen.has(key) || !(s.start < s.end)) return false;
    seen.add(key);
    return true;
  });
}

function bySpan(x, y) { return x.start - y.start || y.end - x.end || ORDER[x.layer] - ORDER[y.layer]; }

// Nested highlight elements over chars[from..to): a span that crosses the end
// of an earlier one is split there, so the markup stays well nested.
function renderSpans(chars, spans, from, to) {
  const out = [];
  let pos = from;
  let rest = spans.slice().sort(bySpan);
  while (rest.length) {
    const s = rest[0];
    const inner = [], later = [];
    for (const t of rest.slice(1)) {
      if (t.start >= s.end) later.push(t);
      else if (t.end <= s.end) inner.push(t);
      else { inner.push({ ...t, end: s.end }); later.push({ ...t, start: s.end }); }
    }
    if (s.start > pos) out.push(chars.slice(pos, s.start).join(""));
    const node = el("mark", { class: "hl hl-" + s.layer + (s.cls ? " " + s.cls : ""), "data-tip": s.tip || null });
    node.append(...renderSpans(chars, inner, s.start, s.end));
    out.push(node);
    pos = s.end;
    rest = later.sort(bySpan);
  }
  if (to > pos) out.push(chars.slice(pos, to).join(""));
  return out;
}

async function articleView(id, params) {
  loading();
  const data = await api("articles/" + encodeURIComponent(id));
  const a = data.article;
  const chars = Array.from(a.body);
  const target = /^(\d+)-(\d+)$/.exec(params.s || "");
  const spans = spansOf(a, target ? [Number(target[1]), Number(target[2])] : null)
    .filter((s) => s.start >= 0 && s.end <= chars.length);
  const body = el("div", { class: "body", id: "article-body" });
  body.append(...renderSpans(chars, spans, 0, chars.length));

  const counts = {};
  for (const s of spans) counts[s.layer] = (counts[s.layer] || 0) + 1;
  const legend = el("div", { class: "legend", role: "group", "aria-label": "Layers" }, LAYERS.map((l) => {
    const box = el("input", { type: "checkbox", checked: true, "data-layer": l.key });
    box.addEventListener("change", () => body.classList.toggle("hide-" + l.key, !box.checked));
    return el("label", { class: "chip chip-" + l.key }, box, " " + l.label + " ", el("span", { class: "badge" }, String(counts[l.key] || 0)));
  }));

  const side = el("aside", { class: "facts" });
  if ((a.people || []).length) {
    side.append(el("h2", {}, "People"), el("ul", {}, a.people.map((p) =>
      el("li", {}, entityLink(p.name),
        p.roles && p.roles.length ? el("div", { class: "muted small" }, p.roles.join("; ")) : null))));
  }
  const names = new Map();
  for (const e of a.entities || []) if (e.type !== "PER" && !names.has(e.text)) names.set(e.text, e);
  if (names.size) {
    side.append(el("h2", {}, "Names"), el("ul", {}, [...names.values()].slice(0, 20).map((e) =>
      el("li", {}, entityLink(e.text), el("span", { class: "muted small" }, " · " + (ENTITY_NAMES[e.type] || e.type))))));
  }
  if ((a.figures || []).length) {
    side.append(el("h2", {}, "Figures"), el("ul", {}, a.figures.map((f) =>
      el("li", {}, el("strong", {}, f.text), f.counted ? " " + f.counted.text : "", el("span", { class: "muted small" }, " · " + f.category)))));
  }
  const places = new Map();
  for (const p of a.places || []) if (!places.has(p.name)) places.set(p.name, p);
  if (places.size) {
    side.append(el("h2", {}, "Places"), el("ul", {}, [...places.values()].map((p) =>
      el("li", {}, el("a", { href: hashFor("/articles", { place: placeKey(p) }) }, p.name),
        p.country ? el("span", { class: "muted small" }, " · " + p.country) : null, el("br"), placeLinks(p)))));
  }
  const dated = (a.timexes || []).filter((t) => /^\d{4}-\d{2}-\d{2}$/.test(t.value));
  if (dated.length) {
    side.append(el("h2", {}, "Dates"), el("ul", {}, dated.map((t) =>
      el("li", {}, el("span", { class: "hl hl-timex", "data-tip": describeTimex(t) }, t.text), " → ", el("time", { datetime: t.value }, fmtDate(t.value))))));
  }

  view.replaceChildren(el("article", { class: "article" },
    el("div", { class: "meta" }, fmtDate(a.date), a.source ? " · " + a.source : "",
      data.version > 1 ? " · version " + data.version : "", data.superseded ? " · superseded by a newer version" : ""),
    el("h1", {}, a.title || a.id),
    a.url ? el("p", { class: "source" }, el("a", { href: a.url, rel: "noopener noreferrer" }, "Original report")) : null,
    legend,
    el("div", { class: "split article-split" }, body, side)));
  const mark = body.querySelector(".hl-target");
  if (mark) mark.scrollIntoView({ block: "center" });
}

// ---------- entity pages ----------

const QUOTES_SHOWN = 8;

function quoteList(quotes, withSpeaker) {
  if (!quotes.length) return el("p", { class: "muted" }, "None.");
  return el("ol", { class: "list quotes" }, quotes.slice(0, QUOTES_SHOWN).map((q) =>
    el("li", { class: "quote kind-" + q.kind },
      el("blockquote", {}, squash(q.text)),
      el("div", { class: "meta" },
        withSpeaker ? [el("strong", {}, q.speaker ? entityLink(q.speaker) : "unattributed"), " · "] : null,
        fmtDate(q.date) + " · ", articleLink(q.article, q.title || q.article, { s: q.start + "-" + q.end })))));
}

// Mentions per month as SVG bars, one per month from the first to the last
// (months without mentions included, so the time axis is even).
function monthChart(months) {
  const filled = [];
  if (months.length) {
    const counts = new Map(months.map((m) => [m.month, m]));
    let [y, mo] = months[0].month.split("-").map(Number);
    const [ly, lm] = months[months.length - 1].month.split("-").map(Number);
    while ((y < ly || (y === ly && mo <= lm)) && filled.length < 240) {
      const key = y + "-" + String(mo).padStart(2, "0");
      filled.push(counts.get(key) || { month: key, mentions: 0, articles: 0 });
      mo += 1;
      if (mo > 12) { mo = 1; y += 1; }
    }
  }
  const max = Math.max(1, ...filled.map((m) => m.mentions));
  // A fixed drawing width, scaled to the column: bars narrow as months add up.
  const plot = 600, height = 90, labelH = 18, pad = 40;
  const step = plot / Math.max(filled.length, 12);
  const barW = Math.max(1, step * 0.78);
  const labelEvery = Math.ceil(52 / step);
  const width = plot + pad;
  const chart = svg("svg", { class: "months", viewBox: "0 0 " + width + " " + (height + labelH), role: "img", "aria-label": "Mentions per month" });
  chart.append(svg("line", { x1: 0, y1: height + 0.5, x2: filled.length * step, y2: height + 0.5, class: "baseline" }));
  let labelled = -labelEvery;
  filled.forEach((m, i) => {
    const h = m.mentions ? Math.max(2, Math.round(height * m.mentions / max)) : 0;
    const bar = svg("rect", { x: i * step, y: height - h, width: barW, height: h, class: "bar", "data-tip": m.month + ": " + plural(m.mentions, "mention") + " in " + plural(m.articles, "article") });
    chart.append(bar);
    if (i - labelled >= labelEvery) {
      const label = svg("text", { x: i * step, y: height + labelH - 4, class: "axis" });
      label.textContent = m.month;
      chart.append(label);
      labelled = i;
    }
  });
  return el("div", { class: "chart-box" }, chart);
}

async function entityView(name) {
  loading();
  // ?name= rather than the path, so names with a slash ("AC/DC") arrive
  // whole. The limit covers eight years of months (the store lists the
  // oldest first); the longer lists are cut below.
  const p = await api("entities", { name, limit: 100 });
  const kind = ENTITY_NAMES[p.type] || p.type;
  const aliases = p.aliases.filter((a) => a.text !== p.name).slice(0, 12);
  const side = el("aside", { class: "facts" },
    el("h2", {}, "Seen with"),
    p.neighbours.length
      ? el("ul", { class: "neighbours" }, p.neighbours.slice(0, 15).map((n) =>
        el("li", {}, entityLink(n.name), el("span", { class: "muted small" }, " · " + (ENTITY_NAMES[n.type] || n.type)),
          el("span", { class: "badge", title: plural(n.articles, "article") + " together" }, String(n.articles)))))
      : el("p", { class: "muted" }, "Nobody else yet."),
    p.others.length ? [el("h2", {}, "Or did you mean"), el("ul", {}, p.others.map((o) =>
      el("li", {}, entityLink(o.name), el("span", { class: "muted small" }, " · " + (ENTITY_NAMES[o.type] || o.type) + " · " + plural(o.mentions, "mention")))))] : null);
  const main = el("div", { class: "entity-main" },
    aliases.length ? el("p", { class: "aliases" }, "Also written ", aliases.flatMap((a, i) =>
      [i ? ", " : "", el("span", { class: "alias", title: plural(a.mentions, "mention") }, a.text)])) : null,
    el("h2", {}, "Mentions per month"),
    monthChart(p.months),
    el("h2", {}, "Roles"),
    p.roles.length
      ? el("ul", { class: "roles" }, p.roles.slice(0, 10).map((r) => el("li", {}, el("strong", {}, r.role), " ",
        el("span", { class: "muted small" }, r.first === r.last ? fmtDate(r.first) : fmtDate(r.first) + " – " + fmtDate(r.last),
          " · " + plural(r.articles, "article")))))
      : el("p", { class: "muted" }, "No roles reported."),
    el("h2", {}, "Latest quotes by " + p.name),
    quoteList(p.quotes_by, false),
    el("h2", {}, "Latest quotes about " + p.name),
    quoteList(p.quotes_about, true));
  view.replaceChildren(el("article", { class: "entity" },
    el("div", { class: "meta" }, kind, " · ", plural(p.mentions, "mention"), " in ", plural(p.articles, "article"), " · ",
      el("a", { href: hashFor("/timeline", { entity: p.name }) }, "timeline"), " · ",
      el("a", { href: hashFor("/figures", { entity: p.name }) }, "figures")),
    el("h1", {}, p.name),
    el("div", { class: "split article-split" }, main, side)));
}

// ---------- figures ----------

const FIGURE_CATEGORIES = ["killed", "injured", "missing", "arrested", "displaced", "troops", "money", "distance", "percent", "other"];

// The sentence with the figure's text marked.
function markFigure(sentence, text) {
  const at = sentence.indexOf(squash(text));
  if (at < 0) return [sentence];
  const end = at + squash(text).length;
  return [sentence.slice(0, at), el("mark", { class: "hl hl-figure" }, sentence.slice(at, end)), sentence.slice(end)];
}

async function figuresView(params) {
  const form = queryForm("/figures", [
    { name: "category", label: "Category", options: [["", "any"], ...FIGURE_CATEGORIES.map((c) => [c, c])] },
    { name: "entity", label: "Named with", placeholder: "e.g. Ukraine" },
    { name: "place", label: "Place", placeholder: "e.g. Poland" },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ], params);
  const results = el("div", { id: "results" }, el("p", { class: "muted" }, "Loading…"));
  view.replaceChildren(el("h1", {}, params.category ? "Figures: " + params.category : "Figures"),
    el("p", { class: "muted" }, "Numbers the reports give, with the sentence that gives them, in date order."),
    form, results);
  const data = await api("figures", { category: params.category, entity: params.entity, place: params.place, from: params.from, to: params.to, limit: 200 });
  const note = placeNote(data.place, "/figures", params) || "";
  if (!data.count) { results.replaceChildren(note, el("p", { class: "muted" }, "No figures match.")); return; }
  results.replaceChildren(note, el("p", { class: "count" }, plural(data.count, "figure") + (data.count === 200 ? " (the first 200)" : "")),
    el("ol", { class: "list figures" }, data.results.map((f) =>
      el("li", { class: "figure" },
        el("div", { class: "figure-head" }, el("strong", {}, f.text), f.counted ? " " + f.counted : "",
          el("a", { class: "chip", href: hashFor("/figures", { ...params, category: f.category }) }, f.category)),
        el("p", {}, markFigure(squash(f.sentence), f.text)),
        el("div", { class: "meta" }, fmtDate(f.date), " · ", articleLink(f.article, f.title || f.article, { s: f.start + "-" + f.end }))))));
}

// ---------- the map ----------

let world = null;

async function mapView(params) {
  const form = queryForm("/map", [
    { name: "from", label: "Reported from", type: "date" },
    { name: "to", label: "to", type: "date" },
  ], params);
  view.replaceChildren(el("h1", {}, "Map"), el("p", { class: "muted" }, "Places the reports name, sized by mentions. Click one for its articles."), form, el("p", { class: "muted" }, "Loading…"));
  const [outline, data, events] = await Promise.all([
    world || fetch("/assets/world.json").then((r) => r.json()),
    api("places", { from: params.from, to: params.to, limit: 200 }),
    api("events", { from: params.from, to: params.to, limit: 200 }).catch(() => null),
  ]);
  world = outline;
  const map = worldMap("World map of the places named");
  const max = Math.max(1, ...data.results.map((p) => p.mentions));
  for (const p of data.results.slice().sort((x, y) => y.mentions - x.mentions)) {
    const r = 0.8 + 5 * Math.sqrt(p.mentions / max);
    const dot = svg("circle", { cx: p.lon, cy: -p.lat, r, class: "dot", "data-tip": p.name + (p.country ? " (" + p.country + ")" : "") + "\n" + plural(p.mentions, "mention") + " in " + plural(p.articles, "article") });
    dot.addEventListener("click", () => { location.hash = hashFor("/articles", { place: placeKey(p) }); });
    map.append(dot);
  }
  if (events) eventMarks(map, events.results);
  const top = el("ol", { class: "places" }, data.results.slice(0, 25).map((p) =>
    el("li", {}, el("span", {}, el("a", { href: hashFor("/articles", { place: placeKey(p) }) }, p.name), el("br"), placeLinks(p)),
      el("span", { class: "badge" }, String(p.mentions)))));
  view.replaceChildren(el("h1", {}, "Map"),
    el("p", { class: "muted" }, "Places the reports name, sized by mentions (diamonds: events). Click one for its articles."), form,
    el("div", { class: "split map-split" }, el("div", { class: "map-box" }, map), el("aside", {}, el("h2", {}, "Most named"), top)),
    el("p", { class: "muted small" }, "Outline: " + world.source + "."));
}

// The world outline as an SVG map (degrees: x = lon, y = -lat).
function worldMap(label) {
  const map = svg("svg", { viewBox: "-180 -84 360 144", class: "map", role: "img", "aria-label": label });
  map.append(svg("rect", { x: -180, y: -90, width: 360, height: 180, class: "sea" }));
  for (const c of world.countries) {
    let d = "";
    for (const ring of c.rings) {
      for (let i = 0; i < ring.length; i += 2) d += (i ? "L" : "M") + ring[i] + " " + (-ring[i + 1]);
      d += "Z";
    }
    const path = svg("path", { d, class: "land" });
    path.append(svg("title", {}));
    path.lastChild.textContent = c.name;
    map.append(path);
  }
  return map;
}

// A diamond for each event with a place on the map; a click opens its card.
function eventMarks(map, events) {
  for (const e of events) {
    if (e.lat == null || e.lon == null) continue;
    const r = 1.2 + Math.min(3, e.articles);
    const mark = svg("path", {
      d: "M" + e.lon + " " + (-e.lat - r) + "l" + r + " " + r + "l" + -r + " " + r + "l" + -r + " " + -r + "Z",
      class: "event-mark", "data-tip": eventTitle(e) + "\n" + plural(e.articles, "report"),
    });
    mark.addEventListener("click", () => { location.hash = hashFor("/events", { type: e.type, from: e.day, to: e.day }); });
    map.append(mark);
  }
}

// ---------- events ----------

const EVENT_TYPES = ["ASSAULT", "FIGHT", "MOBILIZE", "AID", "CONSULT", "AGREE", "REJECT", "THREATEN", "DEMAND",
  "SANCTION", "PROTEST", "COERCE", "ACCUSE", "SUPPORT", "COOPERATE", "CONCEDE", "RETREAT", "OTHER"];

function eventTitle(e) {
  const parts = [e.type];
  if (e.actor) parts.push("by " + squash(e.actor));
  if (e.target) parts.push("to " + squash(e.target));
  if (e.place) parts.push("in " + squash(e.place));
  return parts.join(" ");
}

async function eventsView(params) {
  const form = queryForm("/events", [
    { name: "type", label: "Type", options: [["", "any"], ...EVENT_TYPES.map((t) => [t, t])] },
    { name: "entity", label: "Who", placeholder: "e.g. Russia" },
    { name: "place", label: "Where", placeholder: "e.g. Ukraine" },
    { name: "from", label: "Happened from", type: "date" },
    { name: "to", label: "to", type: "date" },
  ], params);
  const intro = el("p", { class: "muted" }, "What happened, in the order it happened: reports of one event — same type, close dates and places, shared actors — are joined, each with the sentence that says it.");
  view.replaceChildren(el("h1", {}, "Events"), intro, form, el("p", { class: "muted" }, "Loading…"));
  const [outline, data] = await Promise.all([
    world || fetch("/assets/world.json").then((r) => r.json()),
    api("events", { type: params.type, entity: params.entity, place: params.place, from: params.from, to: params.to, limit: 200 }),
  ]);
  world = outline;
  const note = placeNote(data.place, "/events", params) || "";
  if (!data.count) { view.replaceChildren(el("h1", {}, "Events"), intro, form, note, el("p", { class: "muted" }, "No events match.")); return; }
  const map = worldMap("World map of the events listed");
  eventMarks(map, data.results);
  const list = el("ol", { class: "list events" }, data.results.map((e) =>
    el("li", { class: "event" },
      el("div", { class: "event-head" },
        el("time", { datetime: e.day, "data-tip": e.dated ? "the day it happened" : "not dated by the reports: the day of the first report" }, (e.dated ? "" : "~") + fmtDate(e.day)),
        " ", el("a", { class: "chip chip-event", href: hashFor("/events", { ...params, type: e.type }) }, e.type),
        " ", e.actor ? ["by ", entityLink(squash(e.actor)), " "] : "",
        e.target ? ["to ", squash(e.target), " "] : "",
        e.place ? ["in ", squash(e.place), " "] : "",
        el("span", { class: "badge" }, plural(e.articles, "report"))),
      el("ul", { class: "evidence" }, e.evidence.map((v) => el("li", {},
        el("p", {}, markEvent(squash(v.sentence), v)),
        el("div", { class: "meta" }, fmtDate(v.date), " · ", articleLink(v.article, v.title || v.article, { s: v.start + "-" + v.end }),
          v.polarity === "negative" ? " · denied" : "", v.modality !== "asserted" ? " · " + v.modality : "")))))));
  view.replaceChildren(el("h1", {}, params.type ? "Events: " + params.type : "Events"), intro, form, note,
    el("p", { class: "count" }, plural(data.count, "event") + (data.count === 200 ? " (the first 200)" : "")),
    el("div", { class: "map-box events-map" }, map), list);
}

// The sentence with the event's trigger marked, hover showing what it is.
function markEvent(sentence, v) {
  const text = squash(v.text);
  const at = sentence.indexOf(text);
  if (at < 0) return [sentence];
  const tipText = v.subtype + (v.when ? " · " + v.when : "") + (v.figures.length ? " · " + v.figures.join(", ") : "");
  return [sentence.slice(0, at), el("mark", { class: "hl hl-event", "data-tip": tipText }, sentence.slice(at, at + text.length)), sentence.slice(at + text.length)];
}

// ---------- routing ----------

const ROUTES = [
  [/^\/?$/, () => homeView()],
  [/^\/search$/, (m, p) => searchView(p)],
  [/^\/timeline$/, (m, p) => timelineView(p)],
  [/^\/quotes$/, (m, p) => quotesView(p)],
  [/^\/articles$/, (m, p) => articlesView(p)],
  [/^\/article\/(.+)$/, (m, p) => articleView(decodeURIComponent(m[1]), p)],
  [/^\/map$/, (m, p) => mapView(p)],
  [/^\/entity\/(.+)$/, (m) => entityView(decodeURIComponent(m[1]))],
  [/^\/figures$/, (m, p) => figuresView(p)],
  [/^\/events$/, (m, p) => eventsView(p)],
];

async function route() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?", 2);
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const section = path.split("/")[1] || "";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === section || (section === "article" && a.dataset.view === "articles"));
  const quick = document.querySelector("#quick-search input");
  if (section === "search") quick.value = params.q || "";
  tip.hidden = true;
  delete view.dataset.ready;
  for (const [re, render] of ROUTES) {
    const m = re.exec(path);
    if (!m) continue;
    try {
      await render(m, params);
      document.title = (document.querySelector("#view h1") || {}).textContent + " · chronicle";
    } catch (err) {
      showError(view, err);
    }
    if (section !== "article") window.scrollTo(0, 0);
    view.dataset.ready = section || "home";
    return;
  }
  view.replaceChildren(el("h1", {}, "Not found"), el("p", {}, "No view at " + path + ". ", el("a", { href: "#/" }, "Home")));
  view.dataset.ready = "none";
}

document.getElementById("quick-search").addEventListener("submit", (e) => {
  e.preventDefault();
  const q = e.target.elements.q.value.trim();
  if (q) location.hash = hashFor("/search", { q });
});
window.addEventListener("hashchange", route);
route();
