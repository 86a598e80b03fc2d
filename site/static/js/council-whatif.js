/*
 * council-whatif.js: the voting rules of the Council of the EU, the same as
 * src/council/qmv.rs (see its documentation for the exact definitions), and a
 * small enhancement of the what-if form on /raad/.
 *
 * The page works without this file: the standing is rendered on the server.
 * With it, changing a state's position in the form recomputes the outcome.
 * Integer arithmetic only: populations are safe integers and every threshold
 * is a comparison of whole numbers ("at least 65%" is 100 × part ≥ 65 × whole).
 *
 * window.chatcontroleQmv.evaluate({rule, states: [{code, population, position}]})
 * is a pure function; tests run it on tests/fixtures/qmv_vectors.json.
 */
(function (root) {
  'use strict';

  var MIN_BLOCKING_STATES = 4;
  var POPULATION_PERCENTAGE = 65;
  var STATE_PERCENTAGE = { qmv: 55, reinforced: 72 };
  var POSITIONS = ['support', 'oppose', 'abstain', 'undecided'];

  /* Smallest integer x with 100 × x ≥ pct × whole. */
  function needed(pct, whole) {
    var a = pct * whole;
    return (a - (a % 100)) / 100 + (a % 100 === 0 ? 0 : 1);
  }

  function byCode(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function byPopulation(a, b) {
    return b.population - a.population || byCode(a.code, b.code);
  }

  function makeFrame(rule, n, total, yesStates, yesPopulation, opposing) {
    return {
      rule: rule,
      states: n,
      population: total,
      yesStates: yesStates,
      yesPopulation: yesPopulation,
      opposing: opposing
    };
  }

  function passes(f, extra, extraPopulation, extraOpposing) {
    var yes = f.yesStates + extra;
    var yesPopulation = f.yesPopulation + extraPopulation;
    if (f.rule === 'unanimity') {
      return f.opposing + extraOpposing === 0 && yes >= 1;
    }
    var majority = 100 * yes >= STATE_PERCENTAGE[f.rule] * f.states &&
      100 * yesPopulation >= POPULATION_PERCENTAGE * f.population;
    var deemed = f.rule === 'qmv' && f.states - yes < MIN_BLOCKING_STATES;
    return majority || deemed;
  }

  /* Least population `extra` more supporters need for adoption; null: none is enough. */
  function threshold(f, extra) {
    var yes = f.yesStates + extra;
    if (f.rule === 'qmv' && f.states - yes < MIN_BLOCKING_STATES) {
      return 0;
    }
    if (100 * yes < STATE_PERCENTAGE[f.rule] * f.states) {
      return null;
    }
    return Math.max(0, needed(POPULATION_PERCENTAGE, f.population) - f.yesPopulation);
  }

  function sumsBySize(items) {
    var bySize = [];
    var sums = new Array(1 << items.length);
    var mask, i;
    for (i = 0; i <= items.length; i++) {
      bySize.push([]);
    }
    sums[0] = 0;
    bySize[0].push(0);
    for (mask = 1; mask < (1 << items.length); mask++) {
      var low = 31 - Math.clz32(mask & -mask);
      sums[mask] = sums[mask & (mask - 1)] + items[low];
      var bits = 0;
      for (var m = mask; m; m &= m - 1) {
        bits++;
      }
      bySize[bits].push(sums[mask]);
    }
    bySize.forEach(function (list) {
      list.sort(function (a, b) { return a - b; });
    });
    return bySize;
  }

  /* Is there a subset of exactly `size` items with a sum in lo..hi? (meet in the middle) */
  function subsetSearch(items) {
    var sorted = items.slice().sort(function (a, b) { return a - b; });
    var half = Math.floor(items.length / 2);
    var left = sumsBySize(items.slice(0, half));
    var right = sumsBySize(items.slice(half));
    return function exists(size, lo, hi) {
      if (size > sorted.length || lo > hi) {
        return false;
      }
      var min = 0;
      var max = 0;
      for (var k = 0; k < size; k++) {
        min += sorted[k];
        max += sorted[sorted.length - 1 - k];
      }
      if (max < lo || min > hi) {
        return false;
      }
      if ((min >= lo && min <= hi) || (max >= lo && max <= hi)) {
        return true;
      }
      for (var i = 0; i < left.length; i++) {
        var r = right[size - i];
        if (!r) {
          continue;
        }
        var l = left[i];
        for (var a = 0; a < l.length; a++) {
          var s = l[a];
          if (s > hi) {
            break;
          }
          var from = 0;
          var to = r.length;
          while (from < to) {
            var mid = (from + to) >> 1;
            if (r[mid] + s < lo) {
              from = mid + 1;
            } else {
              to = mid;
            }
          }
          if (from < r.length && r[from] + s <= hi) {
            return true;
          }
        }
      }
      return false;
    };
  }

  function pivotalStates(f, undecided) {
    if (f.rule === 'unanimity') {
      return undecided.map(function (v) { return v.code; }).sort(byCode);
    }
    var pivotal = [];
    undecided.forEach(function (state, index) {
      var others = undecided.filter(function (_, i) { return i !== index; })
        .map(function (v) { return v.population; });
      var exists = subsetSearch(others);
      for (var size = 0; size <= others.length; size++) {
        var withIt = threshold(f, size + 1);
        if (withIt === null) {
          continue;
        }
        var without = threshold(f, size);
        if (without === 0) {
          continue;
        }
        var hi = without === null ? Infinity : without - 1;
        if (exists(size, Math.max(0, withIt - state.population), hi)) {
          pivotal.push(state.code);
          return;
        }
      }
    });
    return pivotal.sort(byCode);
  }

  function codes(list) {
    return list.map(function (v) { return v.code; });
  }

  function smallestToAdopt(f, states) {
    var candidates = states.filter(function (v) { return v.position !== 'support'; })
      .sort(byPopulation);
    if (f.rule === 'unanimity') {
      var change = candidates.filter(function (v) {
        return v.position === 'oppose' || v.position === 'undecided';
      });
      if (change.length === 0 && f.yesStates === 0 && candidates.length > 0) {
        change = [candidates[0]];
      }
      return change.length > 0 && f.yesStates + change.length >= 1 ? codes(change) : null;
    }
    var population = 0;
    for (var k = 0; k < candidates.length; k++) {
      population += candidates[k].population;
      if (passes(f, k + 1, population, 0)) {
        return codes(candidates.slice(0, k + 1));
      }
    }
    return null;
  }

  function smallestToBlock(f, states, undecided) {
    if (f.rule === 'unanimity') {
      var first = states.filter(function (v) { return v.position !== 'oppose'; })
        .sort(byPopulation);
      return first.length > 0 ? [first[0].code] : null;
    }
    var candidates = states.filter(function (v) {
      return v.position === 'support' || v.position === 'undecided';
    }).sort(byPopulation);
    var removed = 0;
    for (var k = 0; k < candidates.length; k++) {
      removed += candidates[k].population;
      var after = makeFrame(f.rule, f.states, f.population,
        Math.max(0, f.yesStates + undecided.states - (k + 1)),
        Math.max(0, f.yesPopulation + undecided.population - removed), f.opposing);
      if (!passes(after, 0, 0, 0)) {
        return codes(candidates.slice(0, k + 1));
      }
    }
    return null;
  }

  /*
   * The smallest group of undecided states (most populous first) that makes
   * the outcome certain: adopted when `adopt` and they all support, blocked
   * otherwise when they all oppose, whatever the other undecided states do;
   * null when the undecided states cannot do it on their own.
   */
  function smallestFromUndecided(f, undecided, und, adopt) {
    var candidates = undecided.slice().sort(byPopulation);
    var population = 0;
    for (var k = 0; k < candidates.length; k++) {
      population += candidates[k].population;
      var n = k + 1;
      var certain = adopt ?
        passes(f, n, population, und.states - n) :
        !passes(f, und.states - n, und.population - population, n);
      if (certain) {
        return codes(candidates.slice(0, n));
      }
    }
    return null;
  }

  /* Undecided states whose choice alone decides (a subset of the pivotal ones). */
  function decisiveStates(f, undecided, und, pivotal) {
    return undecided.filter(function (v) {
      if (pivotal.indexOf(v.code) < 0) {
        return false;
      }
      var rest = und.states - 1;
      return passes(f, 1, v.population, rest) &&
        !passes(f, rest, und.population - v.population, 1);
    }).map(function (v) { return v.code; }).sort(byCode);
  }

  function tally() {
    return { states: 0, population: 0 };
  }

  /*
   * Evaluates {rule: "qmv"|"reinforced"|"unanimity", states: [{code, population,
   * position}]} and returns {outcome, participating, in_favour, not_in_favour,
   * undecided, pivotal, to_adopt, to_block, states_needed, population_needed},
   * with the same meaning as Evaluation in src/council/qmv.rs.
   */
  function evaluate(input) {
    var rule = input.rule;
    if (rule !== 'qmv' && rule !== 'reinforced' && rule !== 'unanimity') {
      throw new Error('unknown rule: ' + rule);
    }
    var states = input.states.map(function (s) {
      if (POSITIONS.indexOf(s.position) < 0) {
        throw new Error('unknown position for ' + s.code + ': ' + s.position);
      }
      if (!Number.isSafeInteger(s.population) || s.population < 0) {
        throw new Error('population of ' + s.code + ' must be a whole number');
      }
      return { code: String(s.code), population: s.population, position: s.position };
    });
    var all = tally();
    var yes = tally();
    var no = tally();
    var und = tally();
    var undecided = [];
    var opposing = 0;
    states.forEach(function (s) {
      var t = s.position === 'support' ? yes : s.position === 'undecided' ? und : no;
      all.states++;
      all.population += s.population;
      t.states++;
      t.population += s.population;
      if (s.position === 'undecided') {
        undecided.push(s);
      }
      if (s.position === 'oppose') {
        opposing++;
      }
    });
    if (!Number.isSafeInteger(100 * all.population)) {
      throw new Error('populations too large for exact arithmetic');
    }
    var f = makeFrame(rule, all.states, all.population, yes.states, yes.population, opposing);
    var best = passes(f, und.states, und.population, 0);
    var worst = passes(f, 0, 0, und.states);
    var outcome = worst ? 'adopted' : best ? 'depends' : 'blocked';
    var pct = STATE_PERCENTAGE[rule];
    var pivotal = outcome === 'depends' ? pivotalStates(f, undecided) : [];
    var depends = outcome === 'depends';
    return {
      rule: rule,
      outcome: outcome,
      participating: all,
      in_favour: yes,
      not_in_favour: no,
      undecided: codes(undecided).sort(byCode),
      opposing: codes(states.filter(function (s) { return s.position === 'oppose'; })).sort(byCode),
      abstaining: codes(states.filter(function (s) { return s.position === 'abstain'; })).sort(byCode),
      pivotal: pivotal,
      decisive: decisiveStates(f, undecided, und, pivotal),
      to_adopt_undecided: depends ? smallestFromUndecided(f, undecided, und, true) : null,
      to_block_undecided: depends ? smallestFromUndecided(f, undecided, und, false) : null,
      to_adopt: outcome !== 'adopted' ? smallestToAdopt(f, states) : null,
      to_block: outcome !== 'blocked' ? smallestToBlock(f, states, und) : null,
      states_needed: pct ? needed(pct, all.states) : 0,
      population_needed: pct ? needed(POPULATION_PERCENTAGE, all.population) : 0
    };
  }

  /* "27,9%": one decimal, rounded half up, on integers. */
  function percent(part, whole) {
    if (whole === 0) {
      return '0,0%';
    }
    var tenths = Math.floor((1000 * part + Math.floor(whole / 2)) / whole);
    return Math.floor(tenths / 10) + ',' + (tenths % 10) + '%';
  }

  function joinNl(items) {
    if (items.length < 2) {
      return items.join('');
    }
    return items.slice(0, -1).join(', ') + ' en ' + items[items.length - 1];
  }

  var OUTCOME_NL = {
    adopted: 'aangenomen',
    blocked: 'geblokkeerd',
    depends: 'hangt af van de onbesliste lidstaten'
  };

  /*
   * A Dutch explanation of a result; `name` maps a code to a state's name.
   * Like explain.rs, it only calls a state decisive when its choice alone
   * decides, and names groups of undecided states first; a group that needs
   * decided states says which position they hold now.
   */
  function describe(r, name) {
    var names = function (list) { return joinNl(list.map(name)); };
    var sorted = function (list) {
      return joinNl(list.map(name).sort(function (a, b) { return a.localeCompare(b, 'nl'); }));
    };
    var now = function (code) {
      var status = r.opposing.indexOf(code) >= 0 ? 'nu tegen' :
        r.abstaining.indexOf(code) >= 0 ? 'onthoudt zich nu' :
        r.undecided.indexOf(code) >= 0 ? 'nu onbeslist' : 'nu voor';
      return name(code) + ' (' + status + ')';
    };
    var labelled = function (list) { return joinNl(list.map(now)); };
    var total = r.participating.population;
    var count = function (n) { return n + (n === 1 ? ' lidstaat' : ' lidstaten'); };
    var parts = [
      'Uitkomst: ' + OUTCOME_NL[r.outcome] + '.',
      'Voor het voorstel: ' + count(r.in_favour.states) + ', ' + percent(r.in_favour.population, total) +
        ' van de bevolking. Niet voor het voorstel (tegen of onthouding): ' + count(r.not_in_favour.states) +
        ', ' + percent(r.not_in_favour.population, total) + '.'
    ];
    if (r.undecided.length) {
      parts.push('Onbeslist: ' + sorted(r.undecided) + '.');
    }
    if (r.decisive.length) {
      parts.push(sorted(r.decisive) + (r.decisive.length === 1 ? ' kan' : ' kunnen elk') +
        ' de uitkomst alleen bepalen, wat de andere onbesliste lidstaten ook doen.');
    }
    var helpers = r.pivotal.filter(function (c) { return r.decisive.indexOf(c) < 0; });
    if (helpers.length) {
      parts.push(sorted(helpers) + (helpers.length === 1 ? ' kan' : ' kunnen') +
        ' de doorslag geven, maar alleen samen met andere onbesliste lidstaten.');
    }
    if (r.to_adopt_undecided) {
      parts.push('Kleinste groep onbesliste lidstaten om het zeker aan te nemen: ' + names(r.to_adopt_undecided) + '.');
    } else if (r.to_adopt) {
      parts.push('Aannemen kan alleen als lidstaten van standpunt veranderen; kleinste groep: ' + labelled(r.to_adopt) + '.');
    }
    if (r.to_block_undecided) {
      parts.push('Kleinste groep onbesliste lidstaten om het zeker te blokkeren: ' + names(r.to_block_undecided) + '.');
    } else if (r.to_block) {
      parts.push('Blokkeren kan alleen als lidstaten van standpunt veranderen; kleinste groep: ' + labelled(r.to_block) + '.');
    }
    return parts.join(' ');
  }

  /* One short line for the sticky summary on phones; it says that this is
     the visitor's own scenario, not the real standing. */
  function summarize(r) {
    var total = r.participating.population;
    return 'Jouw scenario: ' + OUTCOME_NL[r.outcome] + ' · voor het voorstel ' + r.in_favour.states + ' (' +
      percent(r.in_favour.population, total) + ') · niet voor ' + r.not_in_favour.states + ' (' +
      percent(r.not_in_favour.population, total) + ')';
  }

  /*
   * The scenario as a query string: the rule when it is not qmv, and every
   * state whose position differs from the page's starting point, e.g.
   * "?NL=support&DE=oppose". Empty for the starting point itself.
   */
  function scenarioQuery(ruleSelect, selects) {
    var parts = [];
    if (ruleSelect && ruleSelect.value !== 'qmv') {
      parts.push('rule=' + encodeURIComponent(ruleSelect.value));
    }
    selects.forEach(function (sel) {
      var start = sel.querySelector('option[selected]');
      if (!start || start.value !== sel.value) {
        parts.push(encodeURIComponent(sel.getAttribute('data-state')) + '=' + encodeURIComponent(sel.value));
      }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  /* Sets the form from a query string made by scenarioQuery. Returns what
     it used ({ applied: n }) and, in `invalid`, each part it could not use
     (an unknown state code or position, a malformed pair), as written, so
     the page can name them instead of dropping them silently. */
  function applyQuery(search, ruleSelect, selects) {
    var params = {};
    var invalid = [];
    var applied = 0;
    String(search || '').replace(/^\?/, '').split('&').forEach(function (pair) {
      if (!pair) {
        return;
      }
      var kv = pair.split('=');
      var shown = pair;
      try {
        shown = decodeURIComponent(pair.replace(/\+/g, ' '));
      } catch (e) {
        /* keep the raw text */
      }
      if (kv.length !== 2) {
        invalid.push(shown);
        return;
      }
      try {
        params[decodeURIComponent(kv[0]).toUpperCase()] = { value: decodeURIComponent(kv[1]).toLowerCase(), shown: shown };
      } catch (e) {
        invalid.push(shown);
      }
    });
    var valid = function (sel, value) {
      return Array.prototype.some.call(sel.options, function (o) { return o.value === value; });
    };
    var known = {};
    if (ruleSelect) {
      known.RULE = ruleSelect;
    }
    selects.forEach(function (sel) {
      known[sel.getAttribute('data-state')] = sel;
    });
    Object.keys(params).forEach(function (key) {
      var sel = known[key];
      if (sel && valid(sel, params[key].value)) {
        sel.value = params[key].value;
        applied += 1;
      } else {
        invalid.push(params[key].shown);
      }
    });
    return { applied: applied, invalid: invalid };
  }

  /* Marks the states whose position differs from the page's starting point:
     a class on the row and the words "(aangepast)" in the label, so the
     change does not rest on colour alone. */
  function markChanged(doc, selects) {
    selects.forEach(function (sel) {
      var start = sel.querySelector('option[selected]');
      var changed = !start || start.value !== sel.value;
      var row = sel.parentNode;
      var label = row && row.querySelector('label');
      if (!label) {
        return;
      }
      var mark = label.querySelector('.whatif-changed-mark');
      if (!mark) {
        mark = doc.createElement('span');
        mark.className = 'whatif-changed-mark';
        mark.textContent = ' (aangepast)';
        label.appendChild(mark);
      }
      mark.hidden = !changed;
      row.classList.toggle('whatif-changed', changed);
    });
  }

  /*
   * Enhances <form id="council-whatif">: each <select data-state="XX"
   * data-population="N" data-name="..."> holds a state's position, an optional
   * <select name="rule"> the rule; the result goes to #council-whatif-result
   * (an aria-live region). The form is `hidden` in the HTML, because it does
   * nothing without this script; enhancing shows it and hides the sentence
   * #council-whatif-nojs that says the calculator needs JavaScript.
   */
  function enhance(doc) {
    var form = doc.getElementById('council-whatif');
    var out = doc.getElementById('council-whatif-result');
    if (!form || !out) {
      return;
    }
    var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-state]'));
    var names = {};
    selects.forEach(function (sel) {
      names[sel.getAttribute('data-state')] = sel.getAttribute('data-name') || sel.getAttribute('data-state');
    });
    var ruleSelect = form.querySelector('select[name="rule"]');
    var summary = doc.getElementById('council-whatif-summary');
    var link = doc.getElementById('council-whatif-link');
    var loc = root.location;
    var fromLink = applyQuery(loc ? loc.search : '', ruleSelect, selects);
    var shared = doc.getElementById('council-whatif-shared');
    if (shared && fromLink.applied > 0) {
      shared.hidden = false;
    }
    var invalidNote = doc.getElementById('council-whatif-invalid');
    if (invalidNote && fromLink.invalid.length) {
      invalidNote.textContent = 'Deze delen van de link herkennen we niet en zijn overgeslagen: ' +
        joinNl(fromLink.invalid.map(function (s) { return '\u201c' + s + '\u201d'; })) + '.';
      invalidNote.hidden = false;
    }
    function update() {
      var result = evaluate({
        rule: ruleSelect ? ruleSelect.value : 'qmv',
        states: selects.map(function (sel) {
          return {
            code: sel.getAttribute('data-state'),
            population: Number(sel.getAttribute('data-population')),
            position: sel.value
          };
        })
      });
      out.textContent = describe(result, function (code) { return names[code] || code; });
      form.setAttribute('data-outcome', result.outcome);
      markChanged(doc, selects);
      if (summary) {
        summary.textContent = summarize(result);
      }
      var query = scenarioQuery(ruleSelect, selects);
      if (link && loc) {
        link.href = loc.pathname + query + '#wat-als';
      }
      if (root.history && root.history.replaceState && loc &&
          loc.search !== query && !(query === '' && loc.search === '?')) {
        root.history.replaceState(null, '', loc.pathname + query + loc.hash);
      }
      /* The share section (js/share.js) puts the scenario into its links. */
      if (typeof root.CustomEvent === 'function') {
        doc.dispatchEvent(new root.CustomEvent('chatcontrole:scenario', { detail: { query: query } }));
      }
    }
    form.addEventListener('change', update);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      update();
    });
    form.addEventListener('reset', function () {
      root.setTimeout(update, 0);
    });
    form.classList.add('is-enhanced');
    form.hidden = false;
    var note = doc.getElementById('council-whatif-nojs');
    if (note) {
      note.hidden = true;
    }
    update();
  }

  root.chatcontroleQmv = {
    evaluate: evaluate,
    describe: describe,
    percent: percent,
    summarize: summarize
  };
  if (root.document) {
    if (root.document.readyState === 'loading') {
      root.document.addEventListener('DOMContentLoaded', function () { enhance(root.document); });
    } else {
      enhance(root.document);
    }
  }
}(typeof window !== 'undefined' ? window : globalThis));
