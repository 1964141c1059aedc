// Search that forgives spelling: Material's own search worker, with diacritics, case
// and apostrophes folded away in the index and in queries alike, so that "Esenboga"
// finds "Esenboğa", "Elcibey" finds "Elçibəy" and "Qarabağ" finds the paper's
// "Qarabagh"; and a longer word one letter off ("Varlik") still matches.
//
// Why a wrapper and not a setting: in Material 9.8.1 the search plugin's `pipeline`
// option can only *remove* lunr's trimmer, stop-word filter and stemmer, not add a
// function, and the page script has no hook to transform the query (no
// `__search.transform`). Both the index and the query are handled in this worker,
// though, so one small file in front of it is enough. overrides/main.html points
// Material's `__config.search` here and passes the name of Material's worker in
// `?material=`, so a Material upgrade (a new hashed name) needs no change here.
//
// Why the results still show "Esenboğa", highlighted: only the index's tokens are
// folded. Material records each token's place in the original text and highlights
// that place, whatever the token has become.
//
// Offline copy: under the iframe-worker shim (file://) this runs in a hidden iframe,
// where `importScripts` adds a <script> and `location` is the page's, not ours.
(function () {
  "use strict";

  // Letters that Unicode does not decompose into a base letter and a mark (so NFD
  // alone leaves them as they are), with the plain letters readers type for them.
  var LETTERS = { "ı": "i", "ə": "e", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h",
                  "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe" };
  var LETTER = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");

  // The one folding, for the index and the query alike. Lower case first: "İ" becomes
  // "i" plus a combining dot, which NFD's mark removal then drops. Apostrophes go
  // (ʼ ’ ‘ '), so "Qal'eh" and "Qaleh" are one word.
  function fold(text) {
    return text.toLowerCase().normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(LETTER, function (letter) { return LETTERS[letter]; })
      .replace(/['\u02bc\u2018\u2019]/g, "");
  }

  // A word of five letters or more also matches one letter off (lunr's `~1`), so a
  // transliteration that differs by a letter still finds the word: "Varlik" finds
  // "Varlıq". Shorter words would match too much ("Iran" ~ "Iraq"); queries with
  // lunr syntax in them are left as typed.
  function forgive(query) {
    query = fold(query);
    if (/["+\-~^*:]/.test(query)) return query;
    return query.replace(/(^|\s)([^\s]{5,})(?=\s|$)/g, "$1$2 $2~1");
  }

  // Material's message types (SearchMessageType in its sources).
  var SETUP = 0, QUERY = 2;

  // Registered before Material's worker adds its own listener, so this one runs first
  // and Material sees the folded query.
  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === QUERY) message.data = forgive(message.data);
    // Material builds the index when this message arrives, with lunr's own builder.
    // Its pipeline is set up in the builder's constructor; fold goes in there, so it
    // runs before the stop-word filter that Material keeps.
    if (message.type === SETUP && !lunr.Pipeline.registeredFunctions.fold) {
      var foldToken = function (token) { return token.update(fold); };
      lunr.Pipeline.registerFunction(foldToken, "fold");
      var Builder = lunr.Builder;
      lunr.Builder = function () {
        Builder.call(this);
        this.pipeline.add(foldToken);
      };
      lunr.Builder.prototype = Builder.prototype;
    }
  });

  // Material calls a query word "missing" from a result (and ranks it lower) when no word
  // lunr matched there begins with it, so a word found one letter off ("Elcibey" finding
  // "Elchibey") showed "Missing: elcibey" beside its own highlight. The highlighted words
  // are the ones lunr matched: one of them one letter off finds the word. A page listed
  // only for its paragraphs gets the words they found, so that its link highlights them
  // (Material wrote an empty `?h=`).
  var RESULT = 3;

  function oneOff(word, term) {
    if (word.indexOf(term) === 0) return true;
    var shorter = word.length <= term.length ? word : term, longer = shorter === word ? term : word;
    if (longer.length - shorter.length > 1) return false;
    var i = 0;
    while (i < shorter.length && shorter[i] === longer[i]) i++;
    var skip = longer.length === shorter.length ? 1 : 0;  // a letter changed, or one added
    return shorter.slice(i + skip) === longer.slice(i + 1);
  }

  function highlighted(doc) {
    var words = [], mark = /<mark>([^<]*)<\/mark>/g, found;
    [doc.title, doc.text].forEach(function (html) {
      while ((found = mark.exec(html || ""))) words.push(fold(found[1]).replace(/^\W+|\W+$/g, ""));
    });
    return words;
  }

  function mend(groups) {
    groups.forEach(function (group) {
      var union = {};
      group.forEach(function (doc) {
        var words = null;
        Object.keys(doc.terms || {}).forEach(function (term) {
          if (!doc.terms[term]) {
            words = words || highlighted(doc);
            doc.terms[term] = words.some(function (word) { return oneOff(word, term); });
          }
          union[term] = union[term] || doc.terms[term];
        });
      });
      group.forEach(function (doc) {
        if (doc.terms && !Object.keys(doc.terms).length) doc.terms = union;
      });
    });
  }

  var send = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) mend(message.data.items);
    return send.apply(self, arguments);
  };

  // Material's worker sits next to this file.
  var here = typeof document === "undefined" ? location.href : document.currentScript.src;
  var material = new URL(here).searchParams.get("material").split("/").pop();
  importScripts(new URL(material, here).href);
})();
