/* PM Genome reading plan: the logic of scripts/pmgenome/plan/ (rule.py, planner.py, wording.py,
 * document.py) ported line for line, so the path/ page can plan for any answers and ratings
 * without a server. Everything else arrives as data in the index the site ships
 * (api/plan-index.json, written by site/plan_page.py): the weights and counts (rule.port_data),
 * every sentence and label (plan/sentences.py), the Markdown escape sets (document.py). This file
 * holds no word of the plan and no weight. tests/site/plan_port_test.py runs it in node and holds
 * its plans (items, scores, reasons, notes, profile, comparison) and Markdown equal to
 * `pmgenome path` over many random catalogs, answers and ratings: change the Python rule's logic
 * and this port together.
 *
 * Keys that come from the catalog or the reader (ids, skills, segments, backgrounds, levels,
 * access, kinds) are kept in Maps and Sets, never as keys of a plain object: `constructor` is a
 * valid id, and `{}` already has one.
 *
 * Exports (window.PmgPlanRule in a page, module.exports in node):
 *   prepare(index) -> model; plan(model, answers) -> the same object as plan_as_dict in model.py;
 *   describe(model, answers); markdown(model, plan, doneIds); say(model, name, values);
 *   name(model, group, id); join(model, group, ids); parsePlace(text); schedule(model, plan, budget) ->
 *   the same object as schedule_as_dict in plan/schedule.py.
 * answers: {stage, background, company: [segment ids], pm_load, goal, place: "online" | "GB" |
 *   "London, GB" | null, ratings: {skill: 0-3} (own keys only), compare: segment id or null}.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.PmgPlanRule = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // --- keys from the catalog -------------------------------------------------------------------
  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined; }

  /* A JSON object's own keys as a Map (JSON.parse makes "__proto__" an own key, as wanted). */
  function mapOf(object) {
    const map = new Map();
    Object.keys(object || {}).forEach(function (key) { map.set(key, object[key]); });
    return map;
  }

  /* A Map as a JSON-ready object that takes any key (no prototype, so "__proto__" is a key too). */
  function objectOf(map) {
    const object = Object.create(null);
    map.forEach(function (value, key) { object[key] = value; });
    return object;
  }

  // --- the vocabulary and each entry's facts (rule.Vocabulary, rule.facts) --------------------
  function prepare(index) {
    const rule = index.rule;
    const names = new Map([["levels", new Map()], ["skills", new Map()], ["backgrounds", new Map()], ["segments", new Map()]]);
    const levelIndex = new Map();
    index.levels.forEach(function (level, position) { levelIndex.set(level.id, position); names.get("levels").set(level.id, level.name); });
    const general = [];
    const flavour = new Map();
    index.skills.forEach(function (skill) {
      names.get("skills").set(skill.id, skill.name);
      if (skill.scope === "general") {
        general.push(skill.id);
      } else if (skill.scope === "flavour") {
        flavour.set(skill.id, skill.segments);
      }
    });
    const generalSet = new Set(general);
    const gaps = new Map();
    index.backgrounds.forEach(function (background) {
      names.get("backgrounds").set(background.id, background.name);
      gaps.set(background.id, background.gaps);
    });
    const expects = new Map();
    index.segments.forEach(function (segment) {
      names.get("segments").set(segment.id, segment.name);
      expects.set(segment.id, mapOf(segment.expects));
    });
    const byKind = new Map();
    const byId = new Map();
    index.entries.forEach(function (row) {
      const entry = Object.assign({}, row);
      entry.general = entry.skills.filter(function (skill) { return generalSet.has(skill); });
      entry.flavour = entry.skills.filter(function (skill) { return flavour.has(skill); });
      entry.pm = entry.skills.indexOf(rule.pm_skill) !== -1;
      if (!byKind.has(entry.kind)) { byKind.set(entry.kind, []); }
      byKind.get(entry.kind).push(entry);
      byId.set(entry.id, entry);
    });
    const words = index.words;
    return { index: index, rule: rule, W: rule.weights, names: names, levelIndex: levelIndex,
      levels: index.levels.map(function (level) { return level.id; }), skillOrder: index.skills.map(function (skill) { return skill.id; }),
      general: general, flavour: flavour, gaps: gaps, expects: expects,
      segments: index.segments.map(function (segment) { return segment.id; }), byKind: byKind, byId: byId,
      picks: mapOf(index.picks), slots: rule.slots, words: words, access: mapOf(words.access),
      accessPhrases: new Set(words.access_phrases), kinds: mapOf(words.kinds), loads: mapOf(words.loads),
      tParts: mapOf(words.t_parts), markdown: markdownRules(index.markdown),
      shapes: index.shapes.map(function (shape) { return Object.assign({}, shape, { ratings: mapOf(shape.ratings) }); }),
      people: index.people };
  }

  function has(list, value) { return list.indexOf(value) !== -1; }

  function stem(model, company) {
    const found = [];
    model.flavour.forEach(function (owners, skill) {
      if (owners.some(function (segment) { return has(company, segment); })) { found.push(skill); }
    });
    return found;
  }

  function expectedAt(model, company) {
    const levels = new Map();
    company.forEach(function (segment) {
      (model.expects.get(segment) || new Map()).forEach(function (level, skill) {
        levels.set(skill, Math.max(level, levels.get(skill) || 0));
      });
    });
    return levels;
  }

  function reader(model, answers) {
    const picked = new Set();
    answers.company.forEach(function (segment) { (model.picks.get(segment) || []).forEach(function (id) { picked.add(id); }); });
    return { stage: model.levelIndex.get(answers.stage), background: answers.background,
      gaps: model.gaps.get(answers.background) || [], company: answers.company, load: answers.pm_load,
      place: answers.place ? parsePlace(answers.place) : null, picked: picked, ratings: mapOf(answers.ratings),
      expected: expectedAt(model, answers.company), assumed: [] };
  }

  // --- the rule (rule.score and its helpers) ----------------------------------------------------
  /* rule.stage_fit: the stage case, which rule.port_data's stage_points weighs. */
  function stageFit(levels, here) {
    if (!levels.length) { return "any"; }
    if (has(levels, here)) { return "exact"; }
    if (has(levels, here - 1)) { return "back"; }
    if (has(levels, here + 1)) { return "ahead"; }
    return null;
  }

  function borrowed(fit) { return fit === "back" || fit === "ahead"; }

  function shared(entry, company) {
    return entry.segments.filter(function (segment, at) {
      return has(company, segment) && entry.segments.indexOf(segment) === at;
    });
  }

  function flavourSkills(model, entry, company) {
    const common = shared(entry, company);
    return entry.flavour.filter(function (skill) {
      return model.flavour.get(skill).some(function (segment) { return has(common, segment); });
    });
  }

  function sameCity(one, other) { return Boolean(one && other && one.toLowerCase() === other.toLowerCase()); }

  function placePoints(W, entry, place) {
    if (entry.online) { return W.PLACE_ONLINE; }
    if (!place) { return 0; }
    if (place.online) { return null; }
    if (sameCity(place.city, entry.city) && (place.country === null || place.country === entry.country)) { return W.PLACE_CITY; }
    if (place.country && place.country === entry.country) { return W.PLACE_COUNTRY; }
    return null;
  }

  function adds(model, entry, part, company) {
    const segments = company.filter(function (segment) { return has(entry.segments, segment); })
      .map(function (segment) { return "segment:" + segment; });
    if (part === "deepen") {
      return flavourSkills(model, entry, company).map(function (skill) { return "skill:" + skill; }).concat(segments);
    }
    if (part === "broaden") { return entry.general.map(function (skill) { return "skill:" + skill; }); }
    return segments.concat(["place:" + (entry.online ? "online" : entry.city + ", " + entry.country)]);
  }

  function need(model, skill, who) {
    return who.ratings.has(skill) ? model.rule.top_rating - who.ratings.get(skill) : 0;
  }

  function gapTarget(model, entry, part, who, covered) {
    const skills = part === "broaden"
      ? entry.general.map(function (skill) { return [skill, 0]; })
      : flavourSkills(model, entry, who.company).filter(function (skill) { return who.expected.get(skill); })
        .map(function (skill) { return [skill, who.expected.get(skill)]; });
    let best = null;
    let bestPoints = 0;
    skills.forEach(function (pair) {
      const points = model.W.GAP_STEP * need(model, pair[0], who) + pair[1];
      if (need(model, pair[0], who) && !covered.has("skill:" + pair[0]) && points > bestPoints) {
        best = pair[0];
        bestPoints = points;
      }
    });
    return [best, bestPoints];
  }

  function subset(tags, covered) { return tags.every(function (tag) { return covered.has(tag); }); }

  function score(model, entry, part, who, covered) {
    const W = model.W;
    const fit = stageFit(entry.levels, who.stage);
    if (fit === null) { return null; }
    const common = shared(entry, who.company);
    let points = model.rule.stage_points[fit];
    if (part === "deepen") {
      if (!common.length) { return null; }
      points += W.FLAVOUR_SKILL * flavourSkills(model, entry, who.company).length;
      points += W.SEGMENT_MATCH * common.length;
    } else if (part === "broaden") {
      if (!entry.general.length) { return null; }
      points += common.length ? W.SEGMENT_CONTEXT : 0;
    } else {
      const place = placePoints(W, entry, who.place);
      if (place === null) { return null; }
      points += place + W.SEGMENT_MATCH * common.length;
    }
    if (part !== "meetups") {
      points += has(entry.backgrounds, who.background) ? W.BACKGROUND_MATCH : 0;
      points += entry.pm ? own(W.PM_LOAD_WEIGHT, who.load) : 0;
      if (part === "broaden" && entry.general.some(function (skill) { return has(who.gaps, skill); })) {
        points += W.BACKGROUND_GAP;
      }
      points += gapTarget(model, entry, part, who, covered)[1];
    }
    points -= has(model.rule.barred_access, entry.access) ? W.ACCESS_BARRIER : 0;
    points -= entry.kind === "book" ? W.BOOK_FOR_COURSE : 0;
    points += who.picked.has(entry.id) ? W.CURATED_PICK : 0;
    if (covered.size && subset(adds(model, entry, part, who.company), covered)) { points -= W.REPEAT_PENALTY; }
    return points;
  }

  function candidate(model, entry, part, who, covered) {
    const points = score(model, entry, part, who, covered);
    if (points === null) { return null; }
    return { entry: entry, id: entry.id, score: points, tags: adds(model, entry, part, who.company),
      fit: stageFit(entry.levels, who.stage), near: part === "meetups" && who.place !== null && !entry.online,
      target: part !== "meetups" ? gapTarget(model, entry, part, who, covered)[0] : null };
  }

  function byId(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

  function rank(model, entries, part, who) {
    const none = new Set();
    return entries.map(function (entry) { return candidate(model, entry, part, who, none); })
      .filter(function (found) { return found !== null; })
      .sort(function (a, b) { return b.score - a.score || byId(a.id, b.id); });
  }

  /* rule.greedy with rule.rescorer: each pick is the best score against what the part covers. */
  function greedy(model, ranked, count, taken, part, who) {
    const chosen = [];
    const used = new Set(taken);
    const covered = new Set();
    while (chosen.length < count) {
      let best = null;
      for (let i = 0; i < ranked.length; i += 1) {
        const found = ranked[i];
        if (best !== null && (found.score < best.score || (found.score === best.score && found.id > best.id))) { break; }
        if (used.has(found.id)) { continue; }
        const adjusted = covered.size ? candidate(model, found.entry, part, who, covered) : found;
        if (best === null || adjusted.score > best.score || (adjusted.score === best.score && adjusted.id < best.id)) {
          best = adjusted;
        }
      }
      if (best === null) { break; }
      chosen.push(best);
      used.add(best.id);
      best.tags.forEach(function (tag) { covered.add(tag); });
    }
    return chosen;
  }

  function entriesOf(model, kinds) {
    return kinds.reduce(function (all, kind) { return all.concat(model.byKind.get(kind) || []); }, []);
  }

  function pick(model, who, part, kinds, count, taken) {
    return greedy(model, rank(model, entriesOf(model, kinds), part, who), count, taken || [], part, who);
  }

  // --- names and sentences (names.py, sentences.py, wording.py) --------------------------------
  /* sentences.fill: one pass over the template's {blanks}. */
  function say(model, key, values) {
    return model.words.sentences[key].replace(/\{(\w+)\}/g, function (blank, field) { return String(values[field]); });
  }

  function name(model, group, id) {
    const found = model.names.get(group).get(id);
    return found === undefined ? id : found;
  }

  function join(model, group, ids) {
    const lists = model.words.lists;
    const names = ids.map(function (id) { return name(model, group, id); });
    if (names.length <= 2) { return names.join(lists.and); }
    return names.slice(0, -1).join(lists.comma) + lists.and + names[names.length - 1];
  }

  function isUpper(ch) { return ch !== ch.toLowerCase() && ch === ch.toUpperCase(); }
  function isLower(ch) { return ch !== ch.toUpperCase() && ch === ch.toLowerCase(); }
  function lowerFirst(text) {
    return text.length > 1 && isUpper(text[0]) && isLower(text[1]) ? text[0].toLowerCase() + text.slice(1) : text;
  }
  function skillNames(model, ids) {
    return ids.map(function (id) { return lowerFirst(name(model, "skills", id)); }).join(model.words.lists.plus);
  }

  function words(model, answers, who) {
    const companyName = join(model, "segments", who.company);
    const whoLine = say(model, "who", { stage: name(model, "levels", answers.stage), company: companyName });
    const heavy = answers.pm_load === "heavy";
    const place = answers.place ? parsePlace(answers.place) : null;
    const text = function (key, values) { return say(model, key, values || {}); };

    function stagePhrase(found) {
      if (found.fit === "any") { return text("stage_any"); }
      const here = model.levels.indexOf(answers.stage);
      const step = found.fit === "exact" ? 0 : (found.fit === "back" ? -1 : 1);
      return text("stage_" + found.fit, { level: name(model, "levels", model.levels[here + step]) });
    }
    function common(entry, access) {
      const phrases = [];
      if (has(entry.backgrounds, answers.background)) {
        phrases.push(text("background_match", { background: lowerFirst(name(model, "backgrounds", answers.background)) }));
      }
      if (entry.pm && heavy) { phrases.push(text("heavy_load")); }
      if (who.picked.has(entry.id)) { phrases.push(text("curated")); }
      if (access && model.accessPhrases.has(entry.access)) { phrases.push(model.access.get(entry.access)); }
      return phrases;
    }
    function rated(skill) {
      return has(who.assumed, skill) ? text("assumed") : text("rated", { rating: who.ratings.get(skill), top: model.rule.top_rating });
    }
    function placeLead(entry, near) {
      if (entry.online) { return text("online"); }
      const where = [entry.city, entry.country].filter(Boolean).join(", ");
      const lead = where ? text("in_person_in", { where: where }) : text("in_person");
      if (!near) { return lead; }
      return text(sameCity(place ? place.city : null, entry.city) ? "your_city" : "your_country", { lead: lead });
    }
    function reason(part, found, access) {
      access = access !== false;
      const entry = found.entry;
      const segments = who.company.filter(function (segment) { return has(entry.segments, segment); });
      let lead;
      let phrases;
      if (part === "deepen") {
        const where = join(model, "segments", segments);
        const skills = flavourSkills(model, entry, who.company);
        lead = skills.length ? text("deepens", { segments: where, skills: skillNames(model, skills) })
          : text("deepens_context", { segments: where });
        phrases = (found.target ? [text("closes_gap", { skill: lowerFirst(name(model, "skills", found.target)),
          rated: rated(found.target), company: companyName, expected: who.expected.get(found.target) })] : [])
          .concat(common(entry, access));
      } else if (part === "broaden") {
        const gaps = entry.general.filter(function (skill) { return has(who.gaps, skill); });
        lead = text("broadens", { skills: skillNames(model, (gaps.length ? gaps : entry.general).slice(0, 2)) });
        if (found.target) {
          lead = text("broadens_gap", { skill: lowerFirst(name(model, "skills", found.target)), rated: rated(found.target) });
        }
        phrases = common(entry, access);
        if (gaps.length) {
          phrases.unshift(text("often_new", { background: lowerFirst(name(model, "backgrounds", answers.background)) }));
        }
      } else {
        lead = placeLead(entry, found.near);
        phrases = [];
        if (segments.length && new Set(entry.segments).size < model.segments.length) {
          phrases.push(text("focused", { segments: join(model, "segments", segments) }));
        }
        if (who.picked.has(entry.id)) { phrases.push(text("curated")); }
        const rhythm = "cadence_" + entry.details.cadence;
        if (Object.hasOwn(model.words.sentences, rhythm)) { phrases.push(text(rhythm, {})); }
      }
      return [lead].concat(phrases, [stagePhrase(found)]).join("; ") + ".";
    }
    function detailed(reasonText, details) {
      details = details.filter(Boolean);
      reasonText = reasonText.replace(/\.+$/, "");
      return details.length ? reasonText + "; " + details.join(", ") + "." : reasonText + ".";
    }
    function partNotes(part, chosen, wanted, ownStage) {
      const label = model.words.part_nouns[part];
      const notes = [];
      if (!chosen.length) {
        notes.push(text("part_none", { part: label, who: whoLine }));
      } else if (chosen.length < wanted) {
        notes.push(text(chosen.length === 1 ? "part_short_one" : "part_short",
          { count: chosen.length, part: label, who: whoLine, wanted: wanted }));
      }
      if (ownStage < wanted && chosen.some(function (found) { return borrowed(found.fit); })) {
        notes.push(text("borrowed", { part: label }));
      }
      return notes;
    }
    return {
      who: whoLine, companyName: companyName, reason: reason, partNotes: partNotes,
      course: function (part, found) {
        const access = found.entry.access;
        const label = access === null ? "" : (model.access.has(access) ? model.access.get(access) : access);
        return detailed(reason(part, found, false), [found.entry.details.pace, found.entry.details.format, label]);
      },
      habit: function (part, found) { return detailed(reason(part, found), [found.entry.details.cadence]); },
      courseFallback: function (first, second) { return text("course_fallback", { first: first, second: second, who: whoLine }); },
      noCourse: function () { return text("no_course", { who: whoLine }); },
      noHabit: function () { return text("no_habit", { who: whoLine }); },
      untaught: function (skill, scope) {
        return text("untaught", { who: whoLine, skill: lowerFirst(name(model, "skills", skill)),
          scope: scope === "general" ? "general" : "flavour" });
      },
      noCompare: function () { return text("no_compare", { company: companyName, stage: name(model, "levels", answers.stage) }); },
      meetupNotes: function (chosen) {
        const notes = [];
        if (chosen.length && place && !place.online && !chosen.some(function (found) { return found.near; })) {
          notes.push(text("meetups_elsewhere", { place: placeText(place) }));
        }
        if (!chosen.length) { notes.push(text("no_meetup", { who: whoLine })); }
        return notes;
      },
    };
  }

  // --- the answers (answers.py) -------------------------------------------------------------
  function parsePlace(text) {
    const value = String(text).split(/\s+/).filter(Boolean).join(" ");
    if (!value) { return null; }
    if (value.toLowerCase() === "online") { return { online: true, country: null, city: null }; }
    if (/^[A-Za-z]{2}$/.test(value)) { return { online: false, country: value.toUpperCase(), city: null }; }
    const comma = value.lastIndexOf(",");
    if (comma !== -1) {
      const city = value.slice(0, comma).trim();
      const country = value.slice(comma + 1).trim();
      if (city && /^[A-Za-z]{2}$/.test(country)) { return { online: false, country: country.toUpperCase(), city: city }; }
    }
    return { online: false, country: null, city: value };
  }

  function placeText(place) {
    if (!place) { return ""; }
    if (place.online) { return "online"; }
    if (place.city) { return place.country ? place.city + ", " + place.country : place.city; }
    return place.country || "";
  }

  function describe(model, answers) {
    return say(model, "describe", { stage: name(model, "levels", answers.stage),
      background: lowerFirst(name(model, "backgrounds", answers.background)), company: join(model, "segments", answers.company),
      load: model.loads.get(answers.pm_load), goal: answers.goal });
  }

  // --- the plan (planner.py) ------------------------------------------------------------------
  function item(found, reason) {
    return { id: found.id, kind: found.entry.kind, title: found.entry.title, url: found.entry.url, reason: reason, score: found.score,
      outcomes: found.entry.outcomes.slice() };
  }

  function row(model, skill, scope, rating, expected, grown) {
    return { skill: skill, name: name(model, "skills", skill), scope: scope, rating: rating === undefined ? null : rating,
      expected: expected, grown_by: grown.filter(function (found) { return has(model.byId.get(found.id).skills, skill); })
        .map(function (found) { return found.id; }) };
  }

  function plan(model, answers) {
    const counts = model.rule.counts;
    const who = reader(model, answers);
    const wording = words(model, answers, who);
    const notes = [];
    const deepFirst = answers.goal === "deepen";
    const wanted = deepFirst ? counts.deepen_first : counts.broaden_first;
    const order = deepFirst ? [["deepen", wanted[0]], ["broaden", wanted[1]]] : [["broaden", wanted[1]], ["deepen", wanted[0]]];
    const taken = [];
    const parts = new Map();
    order.forEach(function (pair) {
      const chosen = pick(model, who, pair[0], model.slots.reading, pair[1], taken);
      parts.set(pair[0], chosen);
      const ownStage = rank(model, entriesOf(model, model.slots.reading), pair[0], who).filter(function (found) {
        return !borrowed(found.fit) && !has(taken, found.id);
      }).length;
      Array.prototype.push.apply(notes, wording.partNotes(pair[0], chosen, pair[1], ownStage));
      chosen.forEach(function (found) { taken.push(found.id); });
    });
    const first = order[0][0];
    const second = order[1][0];
    let course = null;
    [first, second].some(function (part) {
      const chosen = pick(model, who, part, model.slots.course, 1);
      if (!chosen.length) { return false; }
      course = item(chosen[0], wording.course(part, chosen[0]));
      if (part === second) { notes.push(wording.courseFallback(first, second)); }
      return true;
    });
    if (!course) { notes.push(wording.noCourse()); }
    const habits = [];
    model.slots.habits.forEach(function (kind) {
      [first, second].some(function (part) {
        const chosen = pick(model, who, part, [kind], 1);
        if (chosen.length) { habits.push(item(chosen[0], wording.habit(part, chosen[0]))); }
        return chosen.length > 0;
      });
    });
    if (!habits.length) { notes.push(wording.noHabit()); }
    const reading = new Map();
    parts.forEach(function (chosen, part) {
      reading.set(part, chosen.map(function (found) { return item(found, wording.reason(part, found)); }));
    });
    const grown = reading.get("deepen").concat(reading.get("broaden"), course ? [course] : [], habits);
    const profile = model.general.map(function (skill) { return [skill, "general"]; })
      .concat(stem(model, answers.company).map(function (skill) { return [skill, "flavour"]; }))
      .map(function (pair) {
        return row(model, pair[0], pair[1], who.ratings.get(pair[0]), who.expected.get(pair[0]) || 0, grown);
      });
    Array.prototype.push.apply(notes, untaught(model, who, wording, profile, parts.get("deepen").concat(parts.get("broaden"))));
    const meetups = pickMeetups(model, answers);
    const comparison = answers.compare ? compare(model, answers, who, grown, taken) : null;
    const used = taken.concat(grown.map(function (found) { return found.id; }),
      comparison ? comparison.items.map(function (found) { return found.id; }) : []);
    const shaped = shapeOf(model, answers, who, used);
    return {
      answers: { stage: answers.stage, background: answers.background, company: answers.company.slice(),
        pm_load: answers.pm_load, goal: answers.goal, place: answers.place ? placeText(parsePlace(answers.place)) : null,
        ratings: orderedRatings(model, who), compare: answers.compare || null },
      deepen: reading.get("deepen"), broaden: reading.get("broaden"), course: course, habits: habits, meetups: meetups.items,
      notes: notes.concat(meetups.notes), profile: profile,
      compare: comparison, shape: shaped.shape, neighbours: shaped.neighbours, people: teachers(model, answers, who),
    };
  }

  function orderedRatings(model, who) {
    const ordered = new Map();
    model.skillOrder.forEach(function (skill) { if (who.ratings.has(skill)) { ordered.set(skill, who.ratings.get(skill)); } });
    return objectOf(ordered);
  }

  function untaught(model, who, wording, profile, reading) {
    const notes = [];
    ["general", "flavour"].forEach(function (scope) {
      const rated = profile.filter(function (r) {
        return r.scope === scope && r.rating !== null && r.rating < model.rule.top_rating && (scope === "general" || r.expected);
      });
      if (!rated.length) { return; }
      let lowest = rated[0];
      rated.forEach(function (r) {
        const key = [r.rating, has(who.gaps, r.skill) ? 0 : 1, -r.expected];
        const best = [lowest.rating, has(who.gaps, lowest.skill) ? 0 : 1, -lowest.expected];
        if (key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) { lowest = r; }
      });
      if (!reading.some(function (found) { return has(found.entry.skills, lowest.skill); })) {
        notes.push(wording.untaught(lowest.skill, scope));
      }
    });
    return notes;
  }

  function pickMeetups(model, answers) {
    const who = reader(model, answers);
    const wording = words(model, answers, who);
    const chosen = pick(model, who, "meetups", model.slots.meetups, model.rule.counts.meetups);
    return { items: chosen.map(function (found) { return item(found, wording.reason("meetups", found)); }), notes: wording.meetupNotes(chosen) };
  }

  function compare(model, answers, who, grown, taken) {
    const segment = answers.compare;
    const here = stem(model, answers.company);
    const there = stem(model, [segment]);
    const fresh = there.filter(function (skill) { return !has(here, skill); });
    const assumed = fresh.filter(function (skill) { return !who.ratings.has(skill); });
    const moved = Object.assign({}, answers, { company: [segment], compare: null });
    const other = reader(model, moved);
    other.ratings = new Map(who.ratings);
    assumed.forEach(function (skill) { other.ratings.set(skill, 0); });
    other.assumed = assumed;
    const wording = words(model, moved, other);
    const used = taken.concat(grown.map(function (found) { return found.id; }));
    const chosen = pick(model, other, "deepen", model.slots.reading, model.rule.counts.compare, used);
    const items = chosen.map(function (found) { return item(found, wording.reason("deepen", found)); });
    function rows(skills) {
      return skills.map(function (skill) {
        return row(model, skill, "flavour", who.ratings.get(skill), other.expected.get(skill) || 0, items);
      });
    }
    return { segment: segment, carries: rows(there.filter(function (skill) { return has(here, skill); })), "new": rows(fresh),
      items: items, notes: items.length ? [] : [wording.noCompare()] };
  }

  // --- the reader's shape (shapes.py, planner._shape) -------------------------------------------
  function expectedBy(shape, skill) { return shape.ratings.has(skill) ? shape.ratings.get(skill) : 0; }

  /* shapes.nearest: every shape with its distance, nearest first (ties: the smaller id). */
  function nearest(model, ratings) {
    if (!ratings.size) { return []; }
    return model.shapes.map(function (shape) {
      let away = 0;
      ratings.forEach(function (rating, skill) { away += (rating - expectedBy(shape, skill)) * (rating - expectedBy(shape, skill)); });
      return { shape: shape, distance: away };
    }).sort(function (a, b) { return a.distance - b.distance || byId(a.shape.id, b.shape.id); });
  }

  /* shapes.to_grow: the rated skills the shape expects more of, the largest gap first. */
  function toGrow(model, ratings, shape) {
    const gaps = [];
    model.skillOrder.forEach(function (skill, position) {
      if (ratings.has(skill) && expectedBy(shape, skill) > ratings.get(skill)) {
        gaps.push([expectedBy(shape, skill) - ratings.get(skill), position, skill]);
      }
    });
    gaps.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
    return gaps.slice(0, model.rule.counts.grow).map(function (gap) { return gap[2]; });
  }

  function shapeOf(model, answers, who, used) {
    const ranked = nearest(model, who.ratings);
    if (!ranked.length) { return { shape: null, neighbours: [] }; }
    const first = ranked[0];
    const taken = new Set(used);
    const generalSet = new Set(model.general);
    const neighbours = ranked.slice(1, 1 + model.rule.counts.neighbours).map(function (pair) {
      const other = pair.shape;
      const grow = toGrow(model, who.ratings, other);
      const company = model.segments.filter(function (segment) { return has(other.segments, segment); });
      const moved = Object.assign({}, answers, { company: company, compare: null });
      const there = reader(model, moved);
      const wording = words(model, moved, there);
      const items = [];
      grow.forEach(function (skill) {
        const part = generalSet.has(skill) ? "broaden" : "deepen";
        const found = rank(model, entriesOf(model, model.slots.reading), part, there).find(function (candidate) {
          return !taken.has(candidate.id) && has(candidate.entry.skills, skill);
        });
        if (found) {
          items.push(item(found, wording.reason(part, found)));
          taken.add(found.id);
        }
      });
      return { id: other.id, name: other.name, distance: pair.distance,
        grow: grow.map(function (skill) { return { skill: skill, name: name(model, "skills", skill) }; }), items: items };
    });
    const shape = first.shape;
    return { shape: { id: shape.id, name: shape.name, distance: first.distance,
      source: { model: shape.model, author: shape.author, url: shape.url } }, neighbours: neighbours };
  }

  // --- peers who can teach the reader's gaps (peers.py) ------------------------------------------
  /* peers.nearness: the first step that holds, or past the last. */
  function nearness(person, place) {
    if (!place) { return 0; }
    const steps = place.online ? [person.online]
      : [sameCity(place.city, person.city) && (place.country === null || place.country === person.country),
        Boolean(place.country) && place.country === person.country, person.online];
    const first = steps.indexOf(true);
    return first === -1 ? steps.length : first;
  }

  function teachers(model, answers, who) {
    const gaps = new Map();
    who.ratings.forEach(function (rating, skill) { if (rating < model.rule.top_rating) { gaps.set(skill, rating); } });
    const place = answers.place ? parsePlace(answers.place) : null;
    const found = [];
    model.people.forEach(function (person) {
      const taught = person.can_teach.filter(function (skill) { return gaps.has(skill); }).sort(function (a, b) {
        return gaps.get(a) - gaps.get(b) || model.skillOrder.indexOf(a) - model.skillOrder.indexOf(b);
      });
      if (taught.length) {
        found.push({ key: [gaps.get(taught[0]), nearness(person, place), person.github.toLowerCase()], person: person, taught: taught });
      }
    });
    found.sort(function (a, b) { return a.key[0] - b.key[0] || a.key[1] - b.key[1] || byId(a.key[2], b.key[2]); });
    return found.slice(0, model.rule.counts.people).map(function (one) {
      const person = one.person;
      return { github: person.github, name: person.name,
        teaches: one.taught.map(function (skill) { return { skill: skill, name: name(model, "skills", skill) }; }),
        city: person.city, country: person.country, online: person.online };
    });
  }

  /* document.towards: the sentence that leads a neighbour's part. */
  function towards(model, neighbour) {
    if (!neighbour.grow.length) { return say(model, "towards_none", { shape: neighbour.name, distance: neighbour.distance }); }
    return say(model, "towards", { shape: neighbour.name, distance: neighbour.distance,
      skills: neighbour.grow.map(function (grown) { return lowerFirst(grown.name); }).join(model.words.lists.plus) });
  }

  // --- the Markdown document (document.py) ----------------------------------------------------
  /* The escape sets shipped by document.markdown_data, as a pattern and a lookup. */
  function markdownRules(data) {
    const inClass = data.escaped.replace(/[\\\]^-]/g, "\\$&");
    return { special: new RegExp("([" + inClass + "])", "g"), urlEscapes: mapOf(data.url_escapes) };
  }
  function markdownText(model, text) { return String(text).replace(model.markdown.special, "\\$1"); }
  function link(model, found) {
    const title = markdownText(model, found.title);
    if (!/^https?:\/\/\S+$/i.test(found.url)) { return title; }
    const escapes = model.markdown.urlEscapes;
    const target = found.url.split("").map(function (ch) { return escapes.has(ch) ? escapes.get(ch) : ch; }).join("");
    return "[" + title + "](" + target + ")";
  }
  function kindLabel(model, kind) { return model.kinds.has(kind) ? model.kinds.get(kind) : kind; }
  function items(model, list, done) {
    if (!list.length) { return [say(model, "empty_part", {})]; }
    const lines = [];
    list.forEach(function (found) {
      lines.push("- [" + (has(done, found.id) ? "x" : " ") + "] " + link(model, found) + " (" + kindLabel(model, found.kind) +
        "): " + markdownText(model, found.reason));
      found.outcomes.forEach(function (outcome) { lines.push("    - " + markdownText(model, outcome)); });
    });
    return lines;
  }
  function markdownRow(model, r) {
    const none = model.words.none;
    return "| " + [markdownText(model, r.name), model.tParts.get(r.scope), r.rating === null ? none : String(r.rating),
      r.expected ? String(r.expected) : none, r.grown_by.length ? model.words.grown : none].join(" | ") + " |";
  }
  function parts(result) {
    const course = result.course ? [result.course] : [];
    const firstSecond = result.answers.goal === "deepen" ? ["deepen", "broaden"] : ["broaden", "deepen"];
    return [[firstSecond[0], result[firstSecond[0]]], [firstSecond[1], result[firstSecond[1]]], ["course", course],
      ["habits", result.habits], ["meetups", result.meetups]];
  }
  function markdown(model, result, done) {
    done = done || [];
    const sentences = model.words.sentences;
    const columns = model.words.t_columns;
    let lines = ["# " + sentences.document_title, "", markdownText(model, describe(model, result.answers)), "",
      "## " + sentences.t_title, "", "| " + columns.join(" | ") + " |", "|" + columns.map(function () { return "---|"; }).join("")];
    lines = lines.concat(result.profile.map(function (r) { return markdownRow(model, r); }));
    if (result.shape) {
      const shape = result.shape;
      lines = lines.concat(["", "## " + sentences.shape_title, "", markdownText(model, say(model, "shape", {
        shape: shape.name, distance: shape.distance, model: shape.source.model, author: shape.source.author }))]);
      result.neighbours.forEach(function (neighbour) {
        lines = lines.concat(["", markdownText(model, towards(model, neighbour))]);
        if (neighbour.items.length) { lines = lines.concat([""], items(model, neighbour.items, done)); }
      });
    }
    parts(result).forEach(function (pair) {
      lines = lines.concat(["", "## " + model.words.titles[pair[0]], ""], items(model, pair[1], done));
    });
    const comparison = result.compare;
    if (comparison) {
      const title = say(model, "compare_title", { segment: name(model, "segments", comparison.segment) });
      lines = lines.concat(["", "## " + markdownText(model, title), ""]);
      const names = function (rows) { return rows.map(function (r) { return markdownText(model, r.name); }).join(", "); };
      const carries = names(comparison.carries) || sentences.carries_none;
      const fresh = names(comparison["new"]) || sentences.new_none;
      lines = lines.concat([say(model, "carries", { carries: carries, "new": fresh }), ""], items(model, comparison.items, done),
        comparison.notes.map(function (note) { return "- " + markdownText(model, note); }));
    }
    if (result.notes.length) {
      lines = lines.concat(["", "## " + sentences.notes_title, ""],
        result.notes.map(function (note) { return "- " + markdownText(model, note); }));
    }
    return lines.join("\n") + "\n";
  }

  // --- the plan over weeks (plan/schedule.py: make_schedule, schedule_as_dict) ---------------
  function expectedGaps(result) {
    const gaps = new Set();
    result.profile.forEach(function (r) {
      if (r.expected && (r.rating || 0) < r.expected) { r.grown_by.forEach(function (id) { gaps.add(id); }); }
    });
    return gaps;
  }
  function isoDate(day) { return day.toISOString().split("T")[0]; }
  function addWeeks(model, start, count) {
    const day = new Date(start + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + model.index.calendar.clock.days_per_week * count);
    return isoDate(day);
  }
  /* budget: {minutes_per_week, weeks (or null), start ("YYYY-MM-DD" or null)}. */
  function schedule(model, result, budget) {
    const seen = new Set();
    const items = [];
    parts(result).filter(function (pair) { return pair[0] !== "meetups"; }).forEach(function (pair) {
      pair[1].forEach(function (found) { if (!seen.has(found.id)) { seen.add(found.id); items.push(found); } });
    });
    const minutesOf = function (found) { const entry = model.byId.get(found.id); return entry ? entry.minutes : null; };
    const gaps = expectedGaps(result);
    const timed = items.filter(function (found) { return minutesOf(found); });
    const untimed = items.filter(function (found) { return !minutesOf(found); });
    const order = timed.map(function (found, i) { return i; });
    const key = function (i) { return [gaps.has(timed[i].id) ? 0 : 1, minutesOf(timed[i]), i]; };
    order.sort(function (a, b) {
      const ka = key(a); const kb = key(b);
      for (let n = 0; n < ka.length; n += 1) { if (ka[n] !== kb[n]) { return ka[n] - kb[n]; } }
      return 0;
    });
    const size = budget.minutes_per_week;
    const weeks = [[]];
    let left = size;
    const session = function (found, minutes, part, of) {
      return { id: found.id, title: found.title, minutes: minutes, part: part, parts: of };
    };
    order.forEach(function (index) {
      const found = timed[index];
      const length = minutesOf(found);
      if (length <= left) { weeks[weeks.length - 1].push(session(found, length, 1, 1)); left -= length; return; }
      if (length <= size) { weeks.push([session(found, length, 1, 1)]); left = size - length; return; }
      const first = weeks[weeks.length - 1].length ? left : 0;
      const pieces = first ? [first] : [];
      let remaining = length - first;
      while (remaining > 0) { pieces.push(Math.min(size, remaining)); remaining -= pieces[pieces.length - 1]; }
      pieces.forEach(function (piece, i) {
        if (i > 0 || !first) { weeks.push([]); }
        weeks[weeks.length - 1].push(session(found, piece, i + 1, pieces.length));
      });
      left = size - pieces[pieces.length - 1];
    });
    let filled = weeks.filter(function (sessions) { return sessions.length; });
    let later = [];
    if (budget.weeks !== null && budget.weeks !== undefined && filled.length > budget.weeks) {
      const after = new Set();
      filled.slice(budget.weeks).forEach(function (sessions) {
        sessions.forEach(function (one) { if (!after.has(one.id)) { after.add(one.id); later.push(one.id); } });
      });
      filled = filled.slice(0, budget.weeks);
    }
    return {
      minutes_per_week: size, start: budget.start || null,
      weeks: filled.map(function (sessions, i) {
        return { week: i + 1, start: budget.start ? addWeeks(model, budget.start, i) : null,
          minutes: sessions.reduce(function (sum, one) { return sum + one.minutes; }, 0), sessions: sessions };
      }),
      untimed: untimed.map(function (found) { return found.id; }), later: later,
    };
  }

  // --- the weeks as a calendar (plan/calendar.py: schedule_ics) --------------------------------
  function icsText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }
  /* RFC 5545 folding as the icalendar package does it (the CLI's writer): a segment ends before the
     character that would bring it to 75 octets, and never just after a backslash (issue #1501 there). */
  function fold(line, limit) {
    const encoder = new TextEncoder();
    const segments = [];
    let current = [];
    let size = 0;
    Array.from(line).forEach(function (ch) {
      const width = encoder.encode(ch).length;
      if (current.length && size + width >= limit) {
        if (current.length > 1 && (current[current.length - 1] === "\\" || current[current.length - 1] === "^")) {
          const carried = current.pop();
          segments.push(current.join(""));
          current = [carried];
          size = encoder.encode(carried).length;
        } else {
          segments.push(current.join(""));
          current = [];
          size = 0;
        }
      }
      current.push(ch);
      size += width;
    });
    if (current.length) { segments.push(current.join("")); }
    return segments.join("\r\n ");
  }
  function two(number) { return String(number).padStart(2, "0"); }
  function stamp(day) { return day.replace(/-/g, ""); }
  /* The schedule (as schedule() returns it, with a start) as an iCalendar file's text. slot: [weekday, hour,
     minute]; today: "YYYY-MM-DD", the DTSTAMP's day. */
  function ics(model, result, sched, slot, today) {
    const data = model.index.calendar;
    const items = new Map();
    parts(result).forEach(function (pair) { pair[1].forEach(function (found) { items.set(found.id, found); }); });
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + icsText(data.prodid), "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + icsText(data.name)];
    const days = data.clock.days_per_week;
    sched.weeks.forEach(function (week) {
      const first = new Date(week.start + "T00:00:00Z");
      const weekday = (first.getUTCDay() + days - 1) % days; // Monday 0, as Python counts
      const count = week.sessions.length;
      let free = null; // when the session before ends
      week.sessions.forEach(function (one, position) {
        const found = items.get(one.id);
        // A day each while there are no more sessions than days; beyond that they share the seven
        // days. A session starts at its day's slot time, or when the one before ends if that is
        // later (plan/calendar.py: _starts).
        const offset = count <= days ? position : Math.floor(position * days / count);
        let at = new Date(first.getTime());
        at.setUTCDate(at.getUTCDate() + (slot[0] - weekday + days) % days + offset);
        at.setUTCHours(slot[1], slot[2], 0, 0);
        if (free !== null && free.getTime() > at.getTime()) { at = new Date(free.getTime()); }
        const start = isoDate(at).replace(/-/g, "") + "T" + two(at.getUTCHours()) + two(at.getUTCMinutes()) + "00";
        free = new Date(at.getTime());
        free.setUTCMinutes(free.getUTCMinutes() + one.minutes);
        const hours = Math.floor(one.minutes / data.clock.minutes_per_hour);
        const minutes = one.minutes % data.clock.minutes_per_hour;
        const duration = "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "");
        const summary = one.parts > 1 ? say(model, "session_summary", { title: found.title, part: one.part, parts: one.parts }) : found.title;
        lines.push("BEGIN:VEVENT", "SUMMARY:" + icsText(summary), "DTSTART:" + start, "DURATION:" + duration,
          "DTSTAMP:" + stamp(today) + "T000000Z", "UID:plan-" + one.id + "-" + one.part + "-of-" + one.parts + "@" + data.uid_domain,
          "DESCRIPTION:" + icsText(found.url ? found.reason + "\n" + found.url : found.reason));
        if (/^https?:\/\//.test(found.url)) { lines.push("URL:" + found.url); }
        lines.push("END:VEVENT");
      });
    });
    lines.push("END:VCALENDAR");
    return lines.map(function (line) { return fold(line, data.clock.fold_octets); }).join("\r\n") + "\r\n";
  }

  return { prepare: prepare, plan: plan, describe: describe, markdown: markdown, parsePlace: parsePlace, parts: parts,
    stem: stem, placeText: placeText, say: say, name: name, join: join, towards: towards, schedule: schedule,
    ics: ics };
});
