/* PM Genome "Find your path": reads the answers and ratings, plans with the rule (plan-rule.js,
 * the port of scripts/pmgenome/plan/ that `pmgenome path` runs), and draws the plan and the T.
 *
 * State: answers and ratings live in the query string (?stage=new&background=engineering&company=
 * b2b,technical&pm-load=heavy&goal=deepen&near=online&ratings=strategy:2,discovery:0&compare=b2c),
 * so a plan is a link to share; items marked done live in localStorage (DONE_KEY), in this browser
 * only. Catalog text is only ever set with textContent, and only http(s) addresses become links.
 * Every word it shows and every number of the T's geometry come from the index (plan-index.json's
 * "words" and "picture", written by the Python side); before the index arrives, from the page's
 * data-loading and data-failed attributes. Ids and skills are never keys of a plain object.
 * Test hooks (kept stable): svg[data-t-profile], [data-skill][data-rating] cells,
 * [data-skill-rating] rating controls, li[data-entry-id] items, a[download], [data-t-shape] and
 * [data-neighbour] (the named shape and its neighbours), [data-person] (people who can teach a gap).
 */
(function () {
  "use strict";

  const root = document.getElementById("pmg-path");
  if (!root || root.dataset.ready === "true" || !window.PmgPlanRule) {
    return;
  }
  root.dataset.ready = "true";
  const rule = window.PmgPlanRule;
  const SVG = "http://www.w3.org/2000/svg";
  const DONE_KEY = "pmgenome.path.done";
  const form = document.getElementById("pmg-path-form");
  const status = document.getElementById("pmg-path-status");
  const picture = document.getElementById("pmg-path-t");
  const body = document.getElementById("pmg-path-body");
  const thin = document.getElementById("pmg-path-thin");
  const actions = document.getElementById("pmg-path-actions");
  const download = document.getElementById("pmg-path-download");
  const icsLink = document.getElementById("pmg-path-ics");
  const hoursInput = document.getElementById("pmg-path-hours");
  const planSection = document.getElementById("pmg-path-plan");
  const QUESTIONS = ["stage", "background", "company", "pm-load", "goal", "near", "compare"];
  const REQUIRED = ["stage", "background", "company", "goal"];
  let model = null;
  let page = null; // the page's words, from the index
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
    const result = Object.create(null); // a skill named like an Object member is a key too
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
    result.hours = hoursInput ? hoursInput.value.trim() : "";
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
    if (hoursInput && params.get("hours")) { hoursInput.value = params.get("hours"); }
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
    if (chosen.hours) { params.set("hours", chosen.hours); }
    return params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
  }

  function missing(chosen) {
    return REQUIRED.filter(function (name) {
      return name === "company" ? chosen.company.length === 0 : !chosen[name];
    });
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* One of the page's own sentences (PAGE_WORDS in site/plan_page.py), its {blanks} filled once. */
  function pageSay(key, values) {
    return page[key].replace(/\{(\w+)\}/g, function (blank, field) { return String(values[field]); });
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

  // --- the T (the same cells as scripts/pmgenome/plan/picture.py, with its GEOMETRY) ----------
  function labelLines(name) {
    let lines = [];
    name.split(/\s+/).forEach(function (word) {
      if (lines.length && lines[lines.length - 1].length + 1 + word.length <= model.index.picture.label_chars) {
        lines[lines.length - 1] += " " + word;
      } else {
        lines.push(word);
      }
    });
    if (lines.length > 2) { lines = [lines[0], lines.slice(1).join(" ")]; }
    return lines;
  }

  function cell(row, x, y, w, h, vertical, progress) {
    const G = model.index.picture;
    const top = G.top;
    const rating = row.rating === null ? "" : String(row.rating);
    const group = svg("g", { "class": "pmg-t__skill", "data-skill": row.skill, "data-rating": rating, "data-expected": row.expected,
      "data-grown": row.grown_by.length ? "true" : "false", "data-scope": row.scope, "data-progress": progress.toFixed(2) });
    group.appendChild(svg("rect", { "class": "pmg-t__cell", x: x, y: y, width: w, height: h, rx: G.radius }));
    const level = row.rating || 0;
    const extra = Math.min(progress, top - level);
    if (vertical) {
      const filled = Math.floor(h * level / top);
      group.appendChild(svg("rect", { "class": "pmg-t__fill", x: x, y: y + h - filled, width: w, height: filled, rx: G.radius }));
      if (extra > 0) {
        const grown = Math.round(h * extra / top);
        group.appendChild(svg("rect", { "class": "pmg-t__progress", x: x, y: y + h - filled - grown, width: w, height: grown }));
      }
      if (row.expected) {
        const at = y + h - Math.floor(h * row.expected / top);
        group.appendChild(svg("line", { "class": "pmg-t__expected", x1: x, y1: at, x2: x + w, y2: at }));
      }
      labelLines(row.name).forEach(function (line, number) {
        group.appendChild(svg("text", { "class": "pmg-t__label", x: x + G.inset, y: y + G.label_top + G.label_line * number }, line));
      });
    } else {
      const filled = Math.floor(w * level / top);
      group.appendChild(svg("rect", { "class": "pmg-t__fill", x: x, y: y, width: filled, height: h, rx: G.radius }));
      if (extra > 0) {
        group.appendChild(svg("rect", { "class": "pmg-t__progress", x: x + filled, y: y, width: Math.round(w * extra / top), height: h }));
      }
      if (row.expected) {
        const at = x + Math.floor(w * row.expected / top);
        group.appendChild(svg("line", { "class": "pmg-t__expected", x1: at, y1: y, x2: at, y2: y + h }));
      }
      group.appendChild(svg("text", { "class": "pmg-t__label", x: x + G.inset, y: y + G.stem_label_top }, row.name));
    }
    group.appendChild(svg("text", { "class": "pmg-t__rating", x: x + G.inset, y: y + h - G.baseline },
      (rating || model.index.words.none) + "/" + top));
    if (row.grown_by.length) {
      group.appendChild(svg("text", { "class": "pmg-t__grown", x: x + w - G.grown_inset, y: y + h - G.baseline }, "+"));
    }
    return group;
  }

  function progressOf(row, done) {
    if (!row.grown_by.length) { return 0; }
    return row.grown_by.filter(function (id) { return done.indexOf(id) !== -1; }).length / row.grown_by.length;
  }

  function drawT(plan, who, done) {
    const G = model.index.picture;
    const bar = plan.profile.filter(function (row) { return row.scope === "general"; });
    const stemRows = plan.profile.filter(function (row) { return row.scope !== "general"; });
    const width = Math.max(bar.length * G.cell_w, G.stem_w);
    const height = G.cell_h + G.gap + stemRows.length * (G.stem_h + G.gap);
    const picture = svg("svg", { "class": "pmg-t", "data-t-profile": "", viewBox: "0 0 " + width + " " + height, width: width,
      height: height, role: "img", "aria-labelledby": "pmg-t-title pmg-t-desc" });
    picture.style.setProperty("--pmg-t-width", width + "px"); // path.css keeps its labels legible on a phone
    picture.appendChild(svg("title", { id: "pmg-t-title" }, rule.say(model, "picture_title", { who: who })));
    picture.appendChild(svg("desc", { id: "pmg-t-desc" }, rule.say(model, "picture_description", {})));
    const left = Math.floor((width - bar.length * G.cell_w) / 2);
    bar.forEach(function (row, index) {
      picture.appendChild(cell(row, left + index * G.cell_w, 0, G.cell_w - G.bar_gap, G.cell_h, true, progressOf(row, done)));
    });
    const stemX = Math.floor((width - G.stem_w) / 2);
    stemRows.forEach(function (row, index) {
      picture.appendChild(cell(row, stemX, G.cell_h + G.gap + index * (G.stem_h + G.gap), G.stem_w, G.stem_h, false,
        progressOf(row, done)));
    });
    return picture;
  }

  // The picture's marks, said in words next to it: the <desc> inside the SVG is for screen readers only.
  function key(plan) {
    return element("p", "pmg-note pmg-path__key",
      pageSay("key", { company: rule.join(model, "segments", plan.answers.company) }));
  }

  function table(plan, done) {
    const words = model.index.words;
    const wrapper = element("div", "pmg-path__table");
    const result = wrapper.appendChild(element("table"));
    result.tabIndex = 0; // on a phone the table scrolls sideways, so the keyboard must reach it
    result.appendChild(element("caption", "", page.t_caption));
    const head = element("tr");
    words.t_columns.forEach(function (title) {
      const th = element("th", "", title);
      th.scope = "col";
      head.appendChild(th);
    });
    result.appendChild(element("thead")).appendChild(head);
    const tbody = result.appendChild(element("tbody"));
    plan.profile.forEach(function (row) {
      const tr = element("tr");
      tr.dataset.skillRow = row.skill;
      const grown = row.grown_by.length ? pageSay("done_count", {
        done: row.grown_by.filter(function (id) { return done.indexOf(id) !== -1; }).length, count: row.grown_by.length }) : words.none;
      [row.name, model.tParts.get(row.scope), row.rating === null ? words.none : String(row.rating),
        row.expected ? String(row.expected) : words.none, grown].forEach(function (text, index) {
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
    const entry = model.byId.get(found.id);
    const li = element("li", "pmg-card pmg-path__item");
    li.dataset.entryId = found.id;
    const title = element(entry.href ? "a" : "span", "pmg-card__title pmg-path__title", found.title);
    if (entry.href) { title.href = entry.href; }
    li.appendChild(title);
    const badges = element("span", "pmg-badges");
    badges.appendChild(element("span", "pmg-badge pmg-badge--kind", model.kinds.get(found.kind) || found.kind));
    li.appendChild(badges);
    const why = element("span", "pmg-card__summary pmg-path__why");
    why.appendChild(element("strong", "", page.why));
    why.appendChild(element("span", "pmg-path__reason", found.reason));
    li.appendChild(why);
    if (found.outcomes.length) {
      const teaches = element("ul", "pmg-outcomes pmg-path__outcomes");
      found.outcomes.forEach(function (outcome) { teaches.appendChild(element("li", "", outcome)); });
      li.appendChild(teaches);
    }
    const tools = element("span", "pmg-path__tools");
    const url = safeUrl(found.url);
    if (url) {
      const go = element("a", "pmg-path__go", page.go);
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
    label.appendChild(document.createTextNode(page.done));
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
      section.appendChild(element("p", "pmg-path__empty", rule.say(model, "empty_part", {})));
      return section;
    }
    const list = element("ol", "pmg-cards pmg-path__items");
    items.forEach(function (found) { list.appendChild(item(found, done)); });
    section.appendChild(list);
    return section;
  }

  /* The reader's named shape ([data-t-shape]) with its source, and each neighbour ([data-neighbour]):
   * what to grow towards it and what to read for that. */
  function shapeSection(plan, done) {
    const section = element("section", "pmg-path__shape");
    if (!plan.shape) {
      section.appendChild(element("p", "pmg-path__empty", page.shape_none));
      return section;
    }
    const shape = plan.shape;
    section.dataset.tShape = shape.id;
    section.appendChild(element("h3", "", model.index.words.sentences.shape_title));
    section.appendChild(element("p", "pmg-path__shape-name", rule.say(model, "shape", { shape: shape.name,
      distance: shape.distance, model: shape.source.model, author: shape.source.author })));
    const url = safeUrl(shape.source.url);
    if (url) {
      const source = element("a", "pmg-path__source", shape.source.model);
      source.href = url;
      source.rel = "noopener";
      const line = element("p", "pmg-path__shape-source", page.shape_source);
      line.appendChild(source);
      section.appendChild(line);
    }
    plan.neighbours.forEach(function (neighbour) {
      const part = element("div", "pmg-path__neighbour");
      part.dataset.neighbour = neighbour.id;
      part.appendChild(element("p", "", rule.towards(model, neighbour)));
      if (neighbour.items.length) {
        const list = element("ol", "pmg-cards pmg-path__items");
        neighbour.items.forEach(function (found) { list.appendChild(item(found, done)); });
        part.appendChild(list);
      }
      section.appendChild(part);
    });
    return section;
  }

  /* People of the directory who can teach the reader's gaps ([data-person]), linked to their GitHub
   * profile only. */
  function peopleSection(plan) {
    const section = element("section", "pmg-path__people");
    section.appendChild(element("h3", "", page.people_title));
    const list = element("ul", "pmg-rows");
    plan.people.forEach(function (person) {
      const li = element("li");
      li.dataset.person = person.github;
      const profile = element("a", "", person.name);
      profile.href = "https://github.com/" + encodeURIComponent(person.github);
      profile.rel = "noopener";
      li.appendChild(profile);
      const where = [person.city, person.country].filter(Boolean).concat(person.online ? [page.people_online] : []);
      li.appendChild(document.createTextNode(pageSay("people_teaches", {
        skills: person.teaches.map(function (skill) { return skill.name; }).join(", "), where: where.join(", ") })));
      list.appendChild(li);
    });
    section.appendChild(list);
    return section;
  }

  function notesSection(notes) {
    const section = element("section", "pmg-path__notes");
    section.appendChild(element("h3", "", model.index.words.sentences.notes_title));
    const list = element("ul");
    notes.forEach(function (note) { list.appendChild(element("li", "", note)); });
    section.appendChild(list);
    return section;
  }

  // --- the plan over weeks (the rule's schedule; words and limits from the index) ---------------
  function lengthText(minutes) {
    const forms = model.index.calendar.lengths;
    const perHour = model.index.calendar.clock.minutes_per_hour;
    const hours = Math.floor(minutes / perHour);
    const rest = minutes % perHour;
    const form = !hours ? forms.minutes : (rest ? forms.both : forms.hours);
    return form.replace("{hours}", String(hours)).replace("{minutes}", String(rest));
  }
  function isoDay(day) { return day.getFullYear() + "-" + String(day.getMonth() + 1).padStart(2, "0") + "-" + String(day.getDate()).padStart(2, "0"); }
  /* Minutes a week from the hours asked, or null (with the page saying why) when they make no sense. */
  function budgetOf(hours) {
    if (!hours) { return null; }
    const limits = model.index.calendar;
    const number = Number(hours);
    const minutes = Math.round(number * limits.clock.minutes_per_hour);
    if (!isFinite(number) || minutes < limits.min_minutes || number > limits.max_hours) { return false; }
    const today = new Date();
    const days = limits.clock.days_per_week;
    const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() + (days + 1 - today.getDay()) % days);
    return { minutes_per_week: minutes, weeks: null, start: isoDay(monday), today: isoDay(today) };
  }
  function weeksSection(sched) {
    const section = element("section", "pmg-path__part pmg-path__weeks");
    section.dataset.part = "weeks";
    const sentences = model.index.words.sentences;
    section.appendChild(element("h3", "", sentences.weeks_title));
    sched.weeks.forEach(function (week) {
      section.appendChild(element("h4", "", rule.say(model, "week_from", { number: week.number, start: week.start, length: lengthText(week.minutes) })));
      const list = element("ul", "pmg-path__sessions");
      week.sessions.forEach(function (one) {
        const values = { title: one.title, length: lengthText(one.minutes), part: one.part, parts: one.parts };
        const li = element("li", "", rule.say(model, one.parts > 1 ? "session_part" : "session", values));
        li.dataset.session = one.id;
        list.appendChild(li);
      });
      section.appendChild(list);
    });
    const byId = new Map();
    rule.parts(current.plan).forEach(function (pair) { pair[1].forEach(function (found) { byId.set(found.id, found.title); }); });
    if (sched.untimed.length) {
      section.appendChild(element("p", "pmg-path__untimed", rule.say(model, "weeks_untimed", {
        titles: sched.untimed.map(function (id) { return byId.get(id); }).join(", ") })));
    }
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
    frame.setAttribute("aria-label", model.index.words.sentences.t_title);
    frame.appendChild(drawT(plan, who, done));
    picture.replaceChildren(frame, key(plan), table(plan, done));
    frame.scrollLeft = left !== null ? left : (frame.scrollWidth - frame.clientWidth) / 2;
    body.replaceChildren(shapeSection(plan, done));
    const sentences = model.index.words.sentences;
    rule.parts(plan).forEach(function (pair) { body.appendChild(part(pair[0], model.index.words.titles[pair[0]], pair[1], done)); });
    const comparison = plan.compare;
    if (comparison) {
      const title = rule.say(model, "compare_title", { segment: rule.name(model, "segments", comparison.segment) });
      const section = part("compare", title, comparison.items, done);
      const names = function (list) { return list.map(function (row) { return row.name; }).join(", "); };
      const summary = element("p", "pmg-path__carries", rule.say(model, "carries", {
        carries: names(comparison.carries) || sentences.carries_none, "new": names(comparison["new"]) || sentences.new_none }));
      section.insertBefore(summary, section.children[1]);
      body.appendChild(section);
    }
    if (plan.people.length) { body.appendChild(peopleSection(plan)); }
    const notes = plan.notes.concat(comparison ? comparison.notes : []);
    if (notes.length) { body.appendChild(notesSection(notes)); }
    thin.hidden = notes.length === 0;
    download.href = "data:text/markdown;charset=utf-8," + encodeURIComponent(rule.markdown(model, plan, done));
    surveyLink(plan);
    icsLink.hidden = !current.budget;
    if (current.budget) {
      const sched = rule.schedule(model, plan, current.budget);
      body.appendChild(weeksSection(sched));
      const calendar = model.index.calendar;
      icsLink.href = "data:text/calendar;charset=utf-8," + encodeURIComponent(rule.ics(model, plan, sched, calendar.slot, current.budget.today));
    }
    actions.hidden = false;
  }

  /* "Add your T to the survey": the issue form, its answers field filled from the plan's answers;
   * only offered once the reader has rated a skill (a response needs one). */
  function surveyLink(plan) {
    const link = document.getElementById("pmg-path-survey");
    if (!link) { return; }
    const ratings = Object.keys(plan.answers.ratings).map(function (skill) { return skill + "=" + plan.answers.ratings[skill]; });
    link.hidden = ratings.length === 0;
    const answers = pageSay("survey_answers", { stage: plan.answers.stage, background: plan.answers.background,
      company: plan.answers.company.join(", "), ratings: ratings.join(", ") });
    link.href = link.dataset.surveyForm + "&answers=" + encodeURIComponent(answers);
  }

  function show(chosen) {
    thin.hidden = true;
    actions.hidden = true;
    const gaps = missing(chosen);
    if (gaps.length) {
      picture.replaceChildren();
      body.replaceChildren();
      current = null;
      status.textContent = pageSay("missing", {
        missing: gaps.map(function (name) { return page.required[name]; }).join(", ") });
      return false;
    }
    const answers = { stage: chosen.stage, background: chosen.background, company: chosen.company, pm_load: chosen["pm-load"],
      goal: chosen.goal, place: chosen.near || null, ratings: chosen.ratings, compare: chosen.compare || null };
    const budget = budgetOf(chosen.hours);
    current = { plan: rule.plan(model, answers), budget: budget || null };
    status.textContent = budget === false ? pageSay("hours_bad", { max: model.index.calendar.max_hours }) : page.ready;
    draw();
    return true;
  }

  /* Company programs (written by the page) show for the stages they suit and the flavours chosen. */
  function programs(chosen) {
    const block = document.getElementById("pmg-path-programs");
    if (!block) { return; }
    const wanted = chosen.company.concat(chosen.compare ? [chosen.compare] : []);
    const flavours = Array.from(block.querySelectorAll("[data-program-flavour]"));
    flavours.forEach(function (section) { section.hidden = wanted.indexOf(section.dataset.programFlavour) === -1; });
    block.hidden = block.dataset.stages.split(" ").indexOf(chosen.stage) === -1 ||
      flavours.every(function (section) { return section.hidden; });
  }

  function update(focus) {
    if (!model) { return; }
    const chosen = answers();
    programs(chosen);
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
    status.textContent = page ? page.cleared : "";
  });
  document.getElementById("pmg-path-print").addEventListener("click", function () { window.print(); });

  restore(location.search);
  sync(answers().company);
  programs(answers());
  status.textContent = root.dataset.loading;
  fetch(root.dataset.index, { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    })
    .then(function (json) {
      model = rule.prepare(json);
      page = json.words.page;
      // Material's search dialog has no accessible name (axe: aria-dialog-name); this page gives it one.
      const search = document.querySelector(".md-search[role=dialog]");
      if (search && !search.hasAttribute("aria-label")) { search.setAttribute("aria-label", page.search); }
      const chosen = answers();
      if (missing(chosen).length === REQUIRED.length && !location.search) {
        status.textContent = page.start;
        return;
      }
      update(false);
    })
    .catch(function (error) {
      status.textContent = root.dataset.failed.replace("{error}", function () { return error.message; });
    });
})();
