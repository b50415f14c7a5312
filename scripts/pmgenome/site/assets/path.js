/* PM Genome "Find your path": reads the answers and ratings, plans with the rule (plan-rule.js,
 * the port of scripts/pmgenome/plan/ that `pmgenome path` runs), and draws the plan and the T.
 *
 * State: answers and ratings live in the query string (?stage=new&background=engineering&company=
 * b2b,technical&pm-load=heavy&goal=deepen&near=online&ratings=strategy:2,discovery:0&compare=b2c),
 * so a plan is a link to share; items marked done live in localStorage (DONE_KEY), in this browser
 * only. Catalog text is only ever set with textContent, and only http(s) addresses become links.
 * Test hooks (kept stable): svg[data-t-profile], [data-skill][data-rating] cells,
 * [data-skill-rating] rating controls, li[data-entry-id] items, a[download].
 */
(function () {
  "use strict";

  const root = document.getElementById("pmg-path");
  if (!root || root.dataset.ready === "true" || !window.PmgPlanRule) {
    return;
  }
  root.dataset.ready = "true";
  const rule = window.PmgPlanRule;
  // Material's search dialog has no accessible name (axe: aria-dialog-name); this page gives it one.
  const search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) { search.setAttribute("aria-label", "Search"); }
  const SVG = "http://www.w3.org/2000/svg";
  const DONE_KEY = "pmgenome.path.done";
  const form = document.getElementById("pmg-path-form");
  const status = document.getElementById("pmg-path-status");
  const picture = document.getElementById("pmg-path-t");
  const body = document.getElementById("pmg-path-body");
  const thin = document.getElementById("pmg-path-thin");
  const actions = document.getElementById("pmg-path-actions");
  const download = document.getElementById("pmg-path-download");
  const planSection = document.getElementById("pmg-path-plan");
  const QUESTIONS = ["stage", "background", "company", "pm-load", "goal", "near", "compare"];
  const REQUIRED = { stage: "career stage", background: "background", company: "company flavour", goal: "goal" };
  let model = null;
  let current = null;

  function inputs(name) {
    return Array.from(form.elements).filter(function (element) { return element.name === name; });
  }

  function rows() { return Array.from(form.querySelectorAll("[data-skill-rating]")); }

  /* The stem's rating rows show for the ticked segments; the compare list offers the others. */
  function sync(company) {
    rows().forEach(function (row) {
      if (row.dataset.scope === "general") { return; }
      row.hidden = !row.dataset.segments.split(" ").some(function (segment) { return company.indexOf(segment) !== -1; });
    });
    const compare = inputs("compare")[0];
    Array.from(compare.options).forEach(function (option) { option.disabled = option.value !== "" && company.indexOf(option.value) !== -1; });
    if (compare.selectedOptions.length && compare.selectedOptions[0].disabled) { compare.value = ""; }
  }

  function ratings() {
    const result = {};
    rows().forEach(function (row) {
      if (row.hidden) { return; }
      const checked = row.querySelector("input:checked");
      if (checked && checked.value !== "") { result[row.dataset.skillRating] = Number(checked.value); }
    });
    return result;
  }

  function answers() {
    const result = {};
    QUESTIONS.forEach(function (name) {
      const chosen = inputs(name).filter(function (element) { return element.tagName === "SELECT" || element.checked; })
        .map(function (element) { return element.value; });
      result[name] = name === "company" ? chosen : (chosen[0] || "");
    });
    sync(result.company);
    result.compare = inputs("compare")[0].value;
    result.ratings = ratings();
    return result;
  }

  function restore(search) {
    const params = new URLSearchParams(search);
    QUESTIONS.forEach(function (name) {
      if (!params.has(name)) { return; }
      const wanted = name === "company" ? params.get(name).split(",") : [params.get(name)];
      inputs(name).forEach(function (element) {
        if (element.tagName === "SELECT") {
          if (Array.from(element.options).some(function (o) { return o.value === wanted[0]; })) { element.value = wanted[0]; }
        } else if (name === "company" || wanted.indexOf(element.value) !== -1) {
          element.checked = wanted.indexOf(element.value) !== -1;
        }
      });
    });
    (params.get("ratings") || "").split(",").forEach(function (pair) {
      const parts = pair.split(":");
      const row = rows().filter(function (r) { return r.dataset.skillRating === parts[0]; })[0];
      const input = row && Array.from(row.querySelectorAll("input")).filter(function (i) { return i.value === parts[1] && parts[1] !== ""; })[0];
      if (input) { input.checked = true; }
    });
  }

  function query(chosen) {
    const params = new URLSearchParams();
    QUESTIONS.forEach(function (name) {
      const value = name === "company" ? chosen.company.join(",") : chosen[name];
      if (value) { params.set(name, value); }
    });
    const rated = Object.keys(chosen.ratings).map(function (skill) { return skill + ":" + chosen.ratings[skill]; });
    if (rated.length) { params.set("ratings", rated.join(",")); }
    return params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  }

  function missing(chosen) {
    return Object.keys(REQUIRED).filter(function (name) {
      return name === "company" ? chosen.company.length === 0 : !chosen[name];
    }).map(function (name) { return REQUIRED[name]; });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, String(attributes[key])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function safeUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url) ? url : null; }

  // --- progress (localStorage) ---------------------------------------------------------------
  function doneIds() {
    try {
      const stored = JSON.parse(window.localStorage.getItem(DONE_KEY) || "[]");
      return Array.isArray(stored) ? stored.filter(function (id) { return typeof id === "string"; }) : [];
    } catch {
      return [];
    }
  }
  function setDone(id, done) {
    const ids = doneIds().filter(function (other) { return other !== id; });
    if (done) { ids.push(id); }
    try { window.localStorage.setItem(DONE_KEY, JSON.stringify(ids)); } catch { /* private mode: progress is not kept */ }
  }

  // --- the T (the same cells as scripts/pmgenome/plan/picture.py) -----------------------------
  const CELL_W = 124, CELL_H = 72, STEM_W = 240, STEM_H = 44, GAP = 6, TOP = 3, LABEL_CHARS = 18;

  function labelLines(name) {
    let lines = [];
    name.split(/\s+/).forEach(function (word) {
      if (lines.length && lines[lines.length - 1].length + 1 + word.length <= LABEL_CHARS) {
        lines[lines.length - 1] += " " + word;
      } else {
        lines.push(word);
      }
    });
    if (lines.length > 2) { lines = [lines[0], lines.slice(1).join(" ")]; }
    return lines;
  }

  function cell(row, x, y, w, h, vertical, progress) {
    const rating = row.rating === null ? "" : String(row.rating);
    const group = svg("g", { "class": "pmg-t__skill", "data-skill": row.skill, "data-rating": rating, "data-expected": row.expected,
      "data-grown": row.grown_by.length ? "true" : "false", "data-scope": row.scope, "data-progress": progress.toFixed(2) });
    group.appendChild(svg("rect", { "class": "pmg-t__cell", x: x, y: y, width: w, height: h, rx: 4 }));
    const level = row.rating || 0;
    const extra = Math.min(progress, TOP - level);
    if (vertical) {
      const filled = Math.floor(h * level / TOP);
      group.appendChild(svg("rect", { "class": "pmg-t__fill", x: x, y: y + h - filled, width: w, height: filled, rx: 4 }));
      if (extra > 0) {
        const grown = Math.round(h * extra / TOP);
        group.appendChild(svg("rect", { "class": "pmg-t__progress", x: x, y: y + h - filled - grown, width: w, height: grown }));
      }
      if (row.expected) {
        const at = y + h - Math.floor(h * row.expected / TOP);
        group.appendChild(svg("line", { "class": "pmg-t__expected", x1: x, y1: at, x2: x + w, y2: at }));
      }
      labelLines(row.name).forEach(function (line, number) {
        group.appendChild(svg("text", { "class": "pmg-t__label", x: x + 6, y: y + 16 + 14 * number }, line));
      });
    } else {
      const filled = Math.floor(w * level / TOP);
      group.appendChild(svg("rect", { "class": "pmg-t__fill", x: x, y: y, width: filled, height: h, rx: 4 }));
      if (extra > 0) {
        group.appendChild(svg("rect", { "class": "pmg-t__progress", x: x + filled, y: y, width: Math.round(w * extra / TOP), height: h }));
      }
      if (row.expected) {
        const at = x + Math.floor(w * row.expected / TOP);
        group.appendChild(svg("line", { "class": "pmg-t__expected", x1: at, y1: y, x2: at, y2: y + h }));
      }
      group.appendChild(svg("text", { "class": "pmg-t__label", x: x + 6, y: y + 18 }, row.name));
    }
    group.appendChild(svg("text", { "class": "pmg-t__rating", x: x + 6, y: y + h - 8 }, (rating || "–") + "/" + TOP));
    if (row.grown_by.length) { group.appendChild(svg("text", { "class": "pmg-t__grown", x: x + w - 16, y: y + h - 8 }, "+")); }
    return group;
  }

  function progressOf(row, done) {
    if (!row.grown_by.length) { return 0; }
    return row.grown_by.filter(function (id) { return done.indexOf(id) !== -1; }).length / row.grown_by.length;
  }

  function drawT(plan, who, done) {
    const bar = plan.profile.filter(function (row) { return row.scope === "general"; });
    const stemRows = plan.profile.filter(function (row) { return row.scope !== "general"; });
    const width = Math.max(bar.length * CELL_W, STEM_W);
    const height = CELL_H + GAP + stemRows.length * (STEM_H + GAP);
    const picture = svg("svg", { "class": "pmg-t", "data-t-profile": "", viewBox: "0 0 " + width + " " + height, width: width,
      height: height, role: "img", "aria-labelledby": "pmg-t-title pmg-t-desc" });
    picture.style.setProperty("--pmg-t-width", width + "px"); // path.css keeps its labels legible on a phone
    picture.appendChild(svg("title", { id: "pmg-t-title" }, "Your T: " + who));
    picture.appendChild(svg("desc", { id: "pmg-t-desc" }, "Cells filled by your rating (a third per level), a dashed line at the " +
      "level the company expects, + where the plan grows a skill."));
    const left = Math.floor((width - bar.length * CELL_W) / 2);
    bar.forEach(function (row, index) { picture.appendChild(cell(row, left + index * CELL_W, 0, CELL_W - 2, CELL_H, true, progressOf(row, done))); });
    const stemX = Math.floor((width - STEM_W) / 2);
    stemRows.forEach(function (row, index) {
      picture.appendChild(cell(row, stemX, CELL_H + GAP + index * (STEM_H + GAP), STEM_W, STEM_H, false, progressOf(row, done)));
    });
    return picture;
  }

  // The picture's marks, said in words next to it: the <desc> inside the SVG is for screen readers only.
  function key(plan) {
    const names = plan.answers.company.map(function (id) { return model.names["segments:" + id] || id; });
    const company = names.length > 2 ? names.slice(0, -1).join(", ") + " and " + names[names.length - 1] : names.join(" and ");
    return element("p", "pmg-note pmg-path__key", "How to read your T: the blue shade is your rating, a third per level; " +
      "the dashed orange line is the level a " + company + " company expects; + marks a skill your plan grows, and a " +
      "light orange shade fills it in as you mark the plan's items done.");
  }

  function table(plan, done) {
    const wrapper = element("div", "pmg-path__table");
    const result = wrapper.appendChild(element("table"));
    result.tabIndex = 0; // on a phone the table scrolls sideways, so the keyboard must reach it
    result.appendChild(element("caption", "", "Your T as a table: your rating and the level your company expects"));
    const head = element("tr");
    ["Skill", "Part of the T", "Your rating (0-3)", "Expected", "Grown by the plan"].forEach(function (title) {
      const th = element("th", "", title);
      th.scope = "col";
      head.appendChild(th);
    });
    result.appendChild(element("thead")).appendChild(head);
    const tbody = result.appendChild(element("tbody"));
    plan.profile.forEach(function (row) {
      const tr = element("tr");
      tr.dataset.skillRow = row.skill;
      const grown = row.grown_by.length ? row.grown_by.filter(function (id) { return done.indexOf(id) !== -1; }).length + " of " +
        row.grown_by.length + " done" : "–";
      [row.name, row.scope === "general" ? "bar" : "stem", row.rating === null ? "–" : String(row.rating),
        row.expected ? String(row.expected) : "–", grown].forEach(function (text, index) {
        const td = element(index === 0 ? "th" : "td", "", text);
        if (index === 0) { td.scope = "row"; }
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    return wrapper;
  }

  // --- the plan ---------------------------------------------------------------------------------
  function item(found, done) {
    const entry = model.byId[found.id];
    const li = element("li", "pmg-card pmg-path__item");
    li.dataset.entryId = found.id;
    const title = element(entry.href ? "a" : "span", "pmg-card__title pmg-path__title", found.title);
    if (entry.href) { title.href = entry.href; }
    li.appendChild(title);
    const badges = element("span", "pmg-badges");
    badges.appendChild(element("span", "pmg-badge pmg-badge--kind", model.kinds[found.kind] || found.kind));
    li.appendChild(badges);
    const why = element("span", "pmg-card__summary pmg-path__why");
    why.appendChild(element("strong", "", "Why: "));
    why.appendChild(element("span", "pmg-path__reason", found.reason));
    li.appendChild(why);
    const tools = element("span", "pmg-path__tools");
    const url = safeUrl(found.url);
    if (url) {
      const go = element("a", "pmg-path__go", "Go to the resource");
      go.href = url;
      go.rel = "noopener";
      tools.appendChild(go);
    }
    const label = element("label", "pmg-path__done");
    const box = element("input");
    box.type = "checkbox";
    box.dataset.done = found.id;
    box.checked = done.indexOf(found.id) !== -1;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" Done"));
    tools.appendChild(label);
    li.appendChild(tools);
    if (box.checked) { li.classList.add("pmg-path__item--done"); }
    return li;
  }

  function part(name, title, items, done) {
    const section = element("section", "pmg-path__part");
    section.dataset.part = name;
    section.appendChild(element("h3", "", title));
    if (!items.length) {
      section.appendChild(element("p", "pmg-path__empty", "Nothing in the catalog fits yet."));
      return section;
    }
    const list = element("ol", "pmg-cards pmg-path__items");
    items.forEach(function (found) { list.appendChild(item(found, done)); });
    section.appendChild(list);
    return section;
  }

  function notesSection(notes) {
    const section = element("section", "pmg-path__notes");
    section.appendChild(element("h3", "", "Notes"));
    const list = element("ul");
    notes.forEach(function (note) { list.appendChild(element("li", "", note)); });
    section.appendChild(list);
    return section;
  }

  function draw() {
    const plan = current.plan;
    const done = doneIds();
    const who = rule.describe(model, plan.answers);
    // On a phone the T is wider than the page: it scrolls sideways in a frame the keyboard can
    // reach, first centred on the stem, then where the reader left it.
    const before = picture.querySelector(".pmg-path__picture");
    const left = before ? before.scrollLeft : null;
    const frame = element("div", "pmg-path__picture");
    frame.tabIndex = 0;
    frame.setAttribute("role", "region");
    frame.setAttribute("aria-label", "Your T");
    frame.appendChild(drawT(plan, who, done));
    picture.replaceChildren(frame, key(plan), table(plan, done));
    frame.scrollLeft = left !== null ? left : (frame.scrollWidth - frame.clientWidth) / 2;
    body.replaceChildren();
    rule.parts(plan).forEach(function (pair) { body.appendChild(part(pair[0], model.titles[pair[0]], pair[1], done)); });
    const comparison = plan.compare;
    if (comparison) {
      const segment = model.names["segments:" + comparison.segment] || comparison.segment;
      const section = part("compare", "If you moved to a " + segment + " company", comparison.items, done);
      const names = function (list) { return list.map(function (row) { return row.name; }).join(", "); };
      const summary = element("p", "pmg-path__carries",
        "Carries over: " + (names(comparison.carries) || "none of your flavour skills") + ". New to you: " + (names(comparison["new"]) || "nothing") + ".");
      section.insertBefore(summary, section.children[1]);
      body.appendChild(section);
    }
    const notes = plan.notes.concat(comparison ? comparison.notes : []);
    if (notes.length) { body.appendChild(notesSection(notes)); }
    thin.hidden = notes.length === 0;
    download.href = "data:text/markdown;charset=utf-8," + encodeURIComponent(rule.markdown(model, plan, done));
    actions.hidden = false;
  }

  function show(chosen) {
    thin.hidden = true;
    actions.hidden = true;
    const gaps = missing(chosen);
    if (gaps.length) {
      picture.replaceChildren();
      body.replaceChildren();
      current = null;
      status.textContent = "Answer the questions to see your plan (still to answer: " + gaps.join(", ") + ").";
      return false;
    }
    const answers = { stage: chosen.stage, background: chosen.background, company: chosen.company, pm_load: chosen["pm-load"],
      goal: chosen.goal, place: chosen.near || null, ratings: chosen.ratings, compare: chosen.compare || null };
    current = { plan: rule.plan(model, answers) };
    status.textContent = "Your plan is ready.";
    draw();
    return true;
  }

  function update(focus) {
    if (!model) { return; }
    const chosen = answers();
    const shown = show(chosen);
    const search = query(chosen);
    history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    if (shown && focus) { planSection.focus(); }
  }

  form.addEventListener("change", function () { update(false); });
  form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
  body.addEventListener("change", function (event) {
    const box = event.target;
    if (box && box.dataset && box.dataset.done) {
      setDone(box.dataset.done, box.checked);
      draw();
      const again = body.querySelector('input[data-done="' + box.dataset.done + '"]');
      if (again) { again.focus(); }
    }
  });
  document.getElementById("pmg-path-clear").addEventListener("click", function () {
    try { window.localStorage.removeItem(DONE_KEY); } catch { /* nothing was kept */ }
    if (current) { draw(); }
    status.textContent = "Your progress is cleared.";
  });
  document.getElementById("pmg-path-print").addEventListener("click", function () { window.print(); });

  restore(location.search);
  sync(answers().company);
  status.textContent = "Loading the catalog…";
  fetch(root.dataset.index, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (json) {
      model = rule.prepare(json);
      const chosen = answers();
      if (missing(chosen).length === Object.keys(REQUIRED).length && !location.search) {
        status.textContent = "Answer the four questions to see your plan.";
        return;
      }
      update(false);
    })
    .catch(function (error) {
      status.textContent = "The catalog could not be loaded (" + error.message + "). Reload the page to try again.";
    });
})();
