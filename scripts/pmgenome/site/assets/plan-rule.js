/* PM Genome reading plan: the rule of scripts/pmgenome/plan/ (rule.py, planner.py, wording.py,
 * document.py) ported line for line, so the path/ page can plan for any answers and ratings
 * without a server. The weights come from the index the site ships (api/plan-index.json, written
 * by site/plan_page.py from rule.WEIGHTS), never from this file. tests/site/plan_port_test.py runs
 * this file in node and holds its plans (items, scores, reasons, notes, profile, comparison) and
 * Markdown equal to `pmgenome path` over many random catalogs, answers and ratings: change the
 * Python rule and this port together.
 *
 * Exports (window.PmgPlanRule in a page, module.exports in node):
 *   prepare(index) -> model; plan(model, answers) -> the same object as plan_as_dict in model.py;
 *   describe(model, answers); markdown(model, plan, doneIds); parsePlace(text).
 * answers: {stage, background, company: [segment ids], pm_load, goal, place: "online" | "GB" |
 *   "London, GB" | null, ratings: {skill: 0-3}, compare: segment id or null}.
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

  // --- the vocabulary and each entry's facts (rule.Vocabulary, rule.facts) --------------------
  function prepare(index) {
    const W = index.weights;
    const names = {};
    const levelIndex = {};
    index.levels.forEach(function (row, position) { levelIndex[row[0]] = position; names["levels:" + row[0]] = row[1]; });
    const general = [];
    const flavour = {};
    const flavourOrder = [];
    index.skills.forEach(function (row) {
      names["skills:" + row[0]] = row[1];
      if (row[2] === "general") {
        general.push(row[0]);
      } else if (row[2] === "flavour") {
        flavour[row[0]] = row[3];
        flavourOrder.push(row[0]);
      }
    });
    const gaps = {};
    index.backgrounds.forEach(function (row) { names["backgrounds:" + row[0]] = row[1]; gaps[row[0]] = row[2]; });
    const expects = {};
    const segments = [];
    index.segments.forEach(function (row) { names["segments:" + row[0]] = row[1]; expects[row[0]] = row[2]; segments.push(row[0]); });
    const byKind = {};
    const byId = {};
    index.entries.forEach(function (row) {
      const entry = {
        id: row[0], kind: row[1], title: row[2], url: row[3], href: row[4], levels: row[5], skills: row[6],
        segments: row[7], backgrounds: row[8], online: row[9], city: row[10], country: row[11], access: row[12],
        details: row[13],
      };
      entry.general = entry.skills.filter(function (skill) { return general.indexOf(skill) !== -1; });
      entry.flavour = entry.skills.filter(function (skill) { return Object.prototype.hasOwnProperty.call(flavour, skill); });
      entry.pm = entry.skills.indexOf(W.PM_SKILL_NAME) !== -1;
      (byKind[entry.kind] = byKind[entry.kind] || []).push(entry);
      byId[entry.id] = entry;
    });
    return { index: index, W: W, names: names, levelIndex: levelIndex, levels: index.levels.map(function (r) { return r[0]; }),
      general: general, flavour: flavour, flavourOrder: flavourOrder, gaps: gaps, expects: expects,
      segments: segments, byKind: byKind, byId: byId, picks: index.picks, slots: index.slots, titles: index.titles,
      kinds: index.kinds, loads: index.loads };
  }

  function has(list, value) { return list.indexOf(value) !== -1; }

  function stem(model, company) {
    return model.flavourOrder.filter(function (skill) {
      return model.flavour[skill].some(function (segment) { return has(company, segment); });
    });
  }

  function expectedAt(model, company) {
    const levels = {};
    company.forEach(function (segment) {
      const wanted = model.expects[segment] || {};
      Object.keys(wanted).forEach(function (skill) { levels[skill] = Math.max(wanted[skill], levels[skill] || 0); });
    });
    return levels;
  }

  function reader(model, answers) {
    const picked = {};
    answers.company.forEach(function (segment) { (model.picks[segment] || []).forEach(function (id) { picked[id] = true; }); });
    return { stage: model.levelIndex[answers.stage], background: answers.background,
      gaps: model.gaps[answers.background] || [], company: answers.company, load: answers.pm_load,
      place: answers.place ? parsePlace(answers.place) : null, picked: picked, ratings: answers.ratings || {},
      expected: expectedAt(model, answers.company), assumed: [] };
  }

  // --- the rule (rule.score and its helpers) ----------------------------------------------------
  function stageFit(W, levels, here) {
    if (!levels.length) { return W.LEVEL_ANY; }
    if (has(levels, here)) { return W.LEVEL_EXACT; }
    if (has(levels, here - 1) || has(levels, here + 1)) { return W.LEVEL_NEIGHBOUR; }
    return null;
  }

  function shared(entry, company) {
    return entry.segments.filter(function (segment, at) {
      return has(company, segment) && entry.segments.indexOf(segment) === at;
    });
  }

  function flavourSkills(model, entry, company) {
    const common = shared(entry, company);
    return entry.flavour.filter(function (skill) {
      return model.flavour[skill].some(function (segment) { return has(common, segment); });
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

  function need(W, skill, who) {
    return Object.prototype.hasOwnProperty.call(who.ratings, skill) ? W.TOP_RATING - who.ratings[skill] : 0;
  }

  function gapTarget(model, entry, part, who, covered) {
    const W = model.W;
    const skills = part === "broaden"
      ? entry.general.map(function (skill) { return [skill, 0]; })
      : flavourSkills(model, entry, who.company).filter(function (skill) { return who.expected[skill]; })
        .map(function (skill) { return [skill, who.expected[skill]]; });
    let best = null;
    let bestPoints = 0;
    skills.forEach(function (pair) {
      const points = W.GAP_STEP * need(W, pair[0], who) + pair[1];
      if (need(W, pair[0], who) && !covered.has("skill:" + pair[0]) && points > bestPoints) {
        best = pair[0];
        bestPoints = points;
      }
    });
    return [best, bestPoints];
  }

  function subset(tags, covered) { return tags.every(function (tag) { return covered.has(tag); }); }

  function score(model, entry, part, who, covered) {
    const W = model.W;
    const fit = stageFit(W, entry.levels, who.stage);
    if (fit === null) { return null; }
    const common = shared(entry, who.company);
    let points = fit;
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
      points += entry.pm ? W.PM_LOAD_WEIGHT[who.load] : 0;
      if (part === "broaden" && entry.general.some(function (skill) { return has(who.gaps, skill); })) {
        points += W.BACKGROUND_GAP;
      }
      points += gapTarget(model, entry, part, who, covered)[1];
    }
    points -= has(W.BARRED_ACCESS, entry.access) ? W.ACCESS_BARRIER : 0;
    points -= entry.kind === "book" ? W.BOOK_FOR_COURSE : 0;
    points += who.picked[entry.id] ? W.CURATED_PICK : 0;
    if (covered.size && subset(adds(model, entry, part, who.company), covered)) { points -= W.REPEAT_PENALTY; }
    return points;
  }

  function candidate(model, entry, part, who, covered) {
    const points = score(model, entry, part, who, covered);
    if (points === null) { return null; }
    return { entry: entry, id: entry.id, score: points, tags: adds(model, entry, part, who.company),
      fit: stageFit(model.W, entry.levels, who.stage), near: part === "meetups" && who.place !== null && !entry.online,
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
    return kinds.reduce(function (all, kind) { return all.concat(model.byKind[kind] || []); }, []);
  }

  function pick(model, who, part, kinds, count, taken) {
    return greedy(model, rank(model, entriesOf(model, kinds), part, who), count, taken || [], part, who);
  }

  // --- names and sentences (names.py, wording.py) --------------------------------------------
  function name(model, group, id) { const found = model.names[group + ":" + id]; return found === undefined ? id : found; }

  function join(model, group, ids) {
    const names = ids.map(function (id) { return name(model, group, id); });
    if (names.length <= 2) { return names.join(" and "); }
    return names.slice(0, -1).join(", ") + " and " + names[names.length - 1];
  }

  function isUpper(ch) { return ch !== ch.toLowerCase() && ch === ch.toUpperCase(); }
  function isLower(ch) { return ch !== ch.toUpperCase() && ch === ch.toLowerCase(); }
  function lowerFirst(text) {
    return text.length > 1 && isUpper(text[0]) && isLower(text[1]) ? text[0].toLowerCase() + text.slice(1) : text;
  }
  function skillNames(model, ids) { return ids.map(function (id) { return lowerFirst(name(model, "skills", id)); }).join(", plus "); }

  const ACCESS_LABELS = { free: "free", signup: "free with a sign-up", freemium: "freemium", paywalled: "behind a paywall", paid: "paid" };
  const ACCESS_PHRASES = { signup: ACCESS_LABELS.signup, paywalled: ACCESS_LABELS.paywalled, paid: ACCESS_LABELS.paid };

  function words(model, answers, who) {
    const companyName = join(model, "segments", who.company);
    const whoLine = name(model, "levels", answers.stage) + " at a " + companyName + " company";
    const heavy = answers.pm_load === "heavy";
    const place = answers.place ? parsePlace(answers.place) : null;

    function stagePhrase(found) {
      if (found.fit === model.W.LEVEL_ANY) { return "fits any stage"; }
      const here = model.levels.indexOf(answers.stage);
      if (found.fit === model.W.LEVEL_EXACT) { return "matches your stage (" + name(model, "levels", model.levels[here]) + ")"; }
      if (has(found.entry.levels, here - 1)) { return "a stage back (" + name(model, "levels", model.levels[here - 1]) + ")"; }
      return "a stage ahead (" + name(model, "levels", model.levels[here + 1]) + ")";
    }
    function common(entry, access) {
      const phrases = [];
      if (has(entry.backgrounds, answers.background)) {
        phrases.push("written for those moving in from " + lowerFirst(name(model, "backgrounds", answers.background)));
      }
      if (entry.pm && heavy) { phrases.push("delivery is a big part of your week"); }
      if (who.picked[entry.id]) { phrases.push("a curators' pick"); }
      if (access && Object.prototype.hasOwnProperty.call(ACCESS_PHRASES, entry.access)) { phrases.push(ACCESS_PHRASES[entry.access]); }
      return phrases;
    }
    function rated(skill) { return has(who.assumed, skill) ? "new to you" : "you rated it " + who.ratings[skill] + " of 3"; }
    function placeLead(entry, near) {
      if (entry.online) { return "Online, so you can join from anywhere"; }
      const where = [entry.city, entry.country].filter(Boolean).join(", ");
      const lead = where ? "In person in " + where : "In person";
      if (!near) { return lead; }
      return sameCity(place ? place.city : null, entry.city) ? lead + ", your city" : lead + ", in your country";
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
        lead = skills.length ? "Deepens " + where + ": " + skillNames(model, skills) : "Deepens your " + where + " context";
        phrases = (found.target ? ["closes your gap in " + lowerFirst(name(model, "skills", found.target)) + " (" +
          rated(found.target) + "; a " + companyName + " company expects " + who.expected[found.target] + ")"] : [])
          .concat(common(entry, access));
      } else if (part === "broaden") {
        const gaps = entry.general.filter(function (skill) { return has(who.gaps, skill); });
        lead = "Broadens " + skillNames(model, (gaps.length ? gaps : entry.general).slice(0, 2));
        if (found.target) {
          lead = "Broadens " + lowerFirst(name(model, "skills", found.target)) + ", your gap (" + rated(found.target) + ")";
        }
        phrases = common(entry, access);
        if (gaps.length) { phrases.unshift("often new to people from " + lowerFirst(name(model, "backgrounds", answers.background))); }
      } else {
        lead = placeLead(entry, found.near);
        phrases = [];
        if (segments.length && new Set(entry.segments).size < model.segments.length) {
          phrases.push("focused on " + join(model, "segments", segments) + " product work");
        }
        if (who.picked[entry.id]) { phrases.push("a curators' pick"); }
        if (entry.details.frequency) { phrases.push("meets " + entry.details.frequency); }
      }
      return [lead].concat(phrases, [stagePhrase(found)]).join("; ") + ".";
    }
    function detailed(text, details) {
      details = details.filter(Boolean);
      text = text.replace(/\.+$/, "");
      return details.length ? text + "; " + details.join(", ") + "." : text + ".";
    }
    function partNotes(part, chosen, wanted, ownStage) {
      const label = part === "deepen" ? "deepening" : "broadening";
      const notes = [];
      if (!chosen.length) {
        notes.push("No " + label + " resource in the catalog fits a " + whoLine + " yet.");
      } else if (chosen.length < wanted) {
        const plural = chosen.length !== 1;
        notes.push("Only " + chosen.length + " " + label + " resource" + (plural ? "s" : "") + " in the catalog fit" +
          (plural ? "" : "s") + " a " + whoLine + " so far; " + wanted + " were wanted.");
      }
      if (ownStage < wanted && chosen.some(function (found) { return found.fit === model.W.LEVEL_NEIGHBOUR; })) {
        notes.push("Few " + label + " resources are written for your stage yet, so the plan borrows from the neighbouring stage.");
      }
      return notes;
    }
    return {
      who: whoLine, companyName: companyName, reason: reason, partNotes: partNotes,
      course: function (part, found) {
        const access = found.entry.access;
        const label = access === null ? "" : (Object.prototype.hasOwnProperty.call(ACCESS_LABELS, access) ? ACCESS_LABELS[access] : access);
        return detailed(reason(part, found, false), [found.entry.details.pace, found.entry.details.format, label]);
      },
      habit: function (part, found) { return detailed(reason(part, found), [found.entry.details.cadence]); },
      courseFallback: function (first, second) { return "No course or book that " + first + "s fits a " + whoLine + " yet; this one " + second + "s instead."; },
      noCourse: function () { return "No course or book in the catalog fits a " + whoLine + " yet."; },
      noHabit: function () { return "No podcast or newsletter in the catalog fits a " + whoLine + " yet."; },
      untaught: function (skill, scope) {
        return "Nothing in the catalog for a " + whoLine + " teaches " + lowerFirst(name(model, "skills", skill)) + " yet, the " +
          (scope === "general" ? "general" : "flavour") + " skill you rated lowest; the plan aims at your next gaps.";
      },
      noCompare: function () {
        return "No article or talk in the catalog deepens a " + companyName + " company's flavour for a " +
          name(model, "levels", answers.stage) + " yet.";
      },
      meetupNotes: function (chosen) {
        const notes = [];
        if (chosen.length && place && !place.online && !chosen.some(function (found) { return found.near; })) {
          notes.push("No meetup in " + placeText(place) + " is in the catalog yet; these are online.");
        }
        if (!chosen.length) { notes.push("No meetup or community in the catalog fits a " + whoLine + " yet."); }
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
    const load = model.loads.filter(function (row) { return row[0] === answers.pm_load; })[0];
    return name(model, "levels", answers.stage) + ", from " + lowerFirst(name(model, "backgrounds", answers.background)) +
      ", at a " + join(model, "segments", answers.company) + " company; project-management side " + load[1] +
      "; goal: " + answers.goal;
  }

  // --- the plan (planner.py) ------------------------------------------------------------------
  function item(found, reason) {
    return { id: found.id, kind: found.entry.kind, title: found.entry.title, url: found.entry.url, reason: reason, score: found.score };
  }

  function row(model, skill, scope, rating, expected, grown) {
    return { skill: skill, name: name(model, "skills", skill), scope: scope, rating: rating === undefined ? null : rating,
      expected: expected, grown_by: grown.filter(function (found) { return has(model.byId[found.id].skills, skill); })
        .map(function (found) { return found.id; }) };
  }

  function rating(answers, skill) {
    return Object.prototype.hasOwnProperty.call(answers.ratings || {}, skill) ? answers.ratings[skill] : null;
  }

  function plan(model, answers) {
    const W = model.W;
    const who = reader(model, answers);
    const say = words(model, answers, who);
    const notes = [];
    const deepFirst = answers.goal === "deepen";
    const counts = deepFirst ? W.DEEP_FIRST_COUNTS : W.BROAD_FIRST_COUNTS;
    const order = deepFirst ? [["deepen", counts[0]], ["broaden", counts[1]]] : [["broaden", counts[1]], ["deepen", counts[0]]];
    const taken = [];
    const parts = {};
    order.forEach(function (pair) {
      const chosen = pick(model, who, pair[0], model.slots.reading, pair[1], taken);
      parts[pair[0]] = chosen;
      const own = rank(model, entriesOf(model, model.slots.reading), pair[0], who).filter(function (found) {
        return found.fit !== W.LEVEL_NEIGHBOUR && !has(taken, found.id);
      }).length;
      Array.prototype.push.apply(notes, say.partNotes(pair[0], chosen, pair[1], own));
      chosen.forEach(function (found) { taken.push(found.id); });
    });
    const first = order[0][0];
    const second = order[1][0];
    let course = null;
    [first, second].some(function (part) {
      const chosen = pick(model, who, part, model.slots.course, 1);
      if (!chosen.length) { return false; }
      course = item(chosen[0], say.course(part, chosen[0]));
      if (part === second) { notes.push(say.courseFallback(first, second)); }
      return true;
    });
    if (!course) { notes.push(say.noCourse()); }
    const habits = [];
    model.slots.habits.forEach(function (kind) {
      [first, second].some(function (part) {
        const chosen = pick(model, who, part, [kind], 1);
        if (chosen.length) { habits.push(item(chosen[0], say.habit(part, chosen[0]))); }
        return chosen.length > 0;
      });
    });
    if (!habits.length) { notes.push(say.noHabit()); }
    const reading = {};
    Object.keys(parts).forEach(function (part) {
      reading[part] = parts[part].map(function (found) { return item(found, say.reason(part, found)); });
    });
    const grown = reading.deepen.concat(reading.broaden, course ? [course] : [], habits);
    const profile = model.general.map(function (skill) { return [skill, "general"]; })
      .concat(stem(model, answers.company).map(function (skill) { return [skill, "flavour"]; }))
      .map(function (pair) { return row(model, pair[0], pair[1], rating(answers, pair[0]), who.expected[pair[0]] || 0, grown); });
    Array.prototype.push.apply(notes, untaught(model, who, say, profile, parts.deepen.concat(parts.broaden)));
    const meetups = pickMeetups(model, answers);
    return {
      answers: { stage: answers.stage, background: answers.background, company: answers.company.slice(),
        pm_load: answers.pm_load, goal: answers.goal, place: answers.place ? placeText(parsePlace(answers.place)) : null,
        ratings: orderedRatings(model, answers), compare: answers.compare || null },
      deepen: reading.deepen, broaden: reading.broaden, course: course, habits: habits, meetups: meetups.items,
      notes: notes.concat(meetups.notes), profile: profile,
      compare: answers.compare ? compare(model, answers, who, grown, taken) : null,
    };
  }

  function orderedRatings(model, answers) {
    const ordered = {};
    model.index.skills.forEach(function (r) { const value = rating(answers, r[0]); if (value !== null) { ordered[r[0]] = value; } });
    return ordered;
  }

  function untaught(model, who, say, profile, reading) {
    const notes = [];
    ["general", "flavour"].forEach(function (scope) {
      const rated = profile.filter(function (r) {
        return r.scope === scope && r.rating !== null && r.rating < model.W.TOP_RATING && (scope === "general" || r.expected);
      });
      if (!rated.length) { return; }
      let lowest = rated[0];
      rated.forEach(function (r) {
        const key = [r.rating, has(who.gaps, r.skill) ? 0 : 1, -r.expected];
        const best = [lowest.rating, has(who.gaps, lowest.skill) ? 0 : 1, -lowest.expected];
        if (key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2])))) { lowest = r; }
      });
      if (!reading.some(function (found) { return has(found.entry.skills, lowest.skill); })) {
        notes.push(say.untaught(lowest.skill, scope));
      }
    });
    return notes;
  }

  function pickMeetups(model, answers) {
    const who = reader(model, answers);
    const say = words(model, answers, who);
    const chosen = pick(model, who, "meetups", model.slots.meetups, model.W.MEETUP_COUNT);
    return { items: chosen.map(function (found) { return item(found, say.reason("meetups", found)); }), notes: say.meetupNotes(chosen) };
  }

  function compare(model, answers, who, grown, taken) {
    const segment = answers.compare;
    const here = stem(model, answers.company);
    const there = stem(model, [segment]);
    const fresh = there.filter(function (skill) { return !has(here, skill); });
    const assumed = fresh.filter(function (skill) { return !Object.prototype.hasOwnProperty.call(who.ratings, skill); });
    const moved = Object.assign({}, answers, { company: [segment], compare: null });
    const other = reader(model, moved);
    other.ratings = Object.assign({}, who.ratings);
    assumed.forEach(function (skill) { other.ratings[skill] = 0; });
    other.assumed = assumed;
    const say = words(model, moved, other);
    const used = taken.concat(grown.map(function (found) { return found.id; }));
    const chosen = pick(model, other, "deepen", model.slots.reading, model.W.COMPARE_COUNT, used);
    const items = chosen.map(function (found) { return item(found, say.reason("deepen", found)); });
    function rows(skills) {
      return skills.map(function (skill) { return row(model, skill, "flavour", rating(answers, skill), other.expected[skill] || 0, items); });
    }
    return { segment: segment, carries: rows(there.filter(function (skill) { return has(here, skill); })), "new": rows(fresh),
      items: items, notes: items.length ? [] : [say.noCompare()] };
  }

  // --- the Markdown document (document.py) ----------------------------------------------------
  const KIND_LABELS = { article: "Article", book: "Book", course: "Course", podcast: "Podcast", newsletter: "Newsletter",
    video: "Video", meetup: "Meetup" };
  function markdownText(text) { return String(text).replace(/([\\`*_{}[\]()<>#+\-.!|~])/g, "\\$1"); }
  function link(found) {
    const title = markdownText(found.title);
    if (!/^https?:\/\/\S+$/i.test(found.url)) { return title; }
    return "[" + title + "](" + found.url.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/</g, "%3C").replace(/>/g, "%3E") + ")";
  }
  function items(list, done) {
    if (!list.length) { return ["Nothing in the catalog fits yet."]; }
    return list.map(function (found) {
      return "- [" + (has(done, found.id) ? "x" : " ") + "] " + link(found) + " (" + (KIND_LABELS[found.kind] || found.kind) +
        "): " + markdownText(found.reason);
    });
  }
  function markdownRow(r) {
    return "| " + markdownText(r.name) + " | " + (r.scope === "general" ? "bar" : "stem") + " | " +
      (r.rating === null ? "–" : String(r.rating)) + " | " + (r.expected ? String(r.expected) : "–") + " | " +
      (r.grown_by.length ? "yes" : "–") + " |";
  }
  function parts(result) {
    const course = result.course ? [result.course] : [];
    const firstSecond = result.answers.goal === "deepen" ? ["deepen", "broaden"] : ["broaden", "deepen"];
    return [[firstSecond[0], result[firstSecond[0]]], [firstSecond[1], result[firstSecond[1]]], ["course", course],
      ["habits", result.habits], ["meetups", result.meetups]];
  }
  function markdown(model, result, done) {
    done = done || [];
    let lines = ["# Your plan for this month", "", markdownText(describe(model, result.answers)), "", "## Your T", "",
      "| Skill | Part of the T | Your rating (0-3) | Expected | Grown by the plan |", "|---|---|---|---|---|"];
    lines = lines.concat(result.profile.map(markdownRow));
    parts(result).forEach(function (pair) { lines = lines.concat(["", "## " + model.titles[pair[0]], ""], items(pair[1], done)); });
    const comparison = result.compare;
    if (comparison) {
      lines = lines.concat(["", "## " + markdownText("If you moved to a " + name(model, "segments", comparison.segment) + " company"), ""]);
      const carries = comparison.carries.map(function (r) { return markdownText(r.name); }).join(", ") || "none of your flavour skills";
      const fresh = comparison["new"].map(function (r) { return markdownText(r.name); }).join(", ") || "nothing";
      lines = lines.concat(["Carries over: " + carries + ". New to you: " + fresh + ".", ""], items(comparison.items, done),
        comparison.notes.map(function (note) { return "- " + markdownText(note); }));
    }
    if (result.notes.length) {
      lines = lines.concat(["", "## Notes", ""], result.notes.map(function (note) { return "- " + markdownText(note); }));
    }
    return lines.join("\n") + "\n";
  }

  return { prepare: prepare, plan: plan, describe: describe, markdown: markdown, parsePlace: parsePlace, parts: parts,
    stem: stem, placeText: placeText };
});
