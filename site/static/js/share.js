/*
 * share.js: enhances the share section of partials/share.html. Without this
 * file the section is plain links (e-mail, WhatsApp, Telegram) and a field
 * with the page's address; nothing here loads anything from another server.
 *
 * With it: the share button opens the phone's share sheet (navigator.share,
 * where the browser has it; that is also the way to Signal), "copy link" puts
 * the address on the clipboard (with a fallback for browsers without
 * navigator.clipboard), and a Mastodon field opens https://<server>/share
 * for the server the visitor types. On /raad/ the what-if calculator sends
 * "chatcontrole:scenario" events; every link then carries the scenario and
 * its message says it is a scenario.
 *
 * What it says comes from the section's data-text-* attributes, which the
 * template fills in the page's language (a script cannot read i18n files).
 *
 * The links are built exactly like src/render/share_links.rs builds them
 * (encodeURIComponent there is the same escaping), so a page whose scenario
 * is the starting point keeps the links the server wrote.
 */
(function (root) {
  'use strict';

  function oneLine(text) {
    return String(text || '').split(/\s+/).filter(Boolean).join(' ');
  }

  /* The same links as share_links() in src/render/share_links.rs. */
  function links(title, url, text) {
    title = oneLine(title);
    text = oneLine(text) || title;
    var message = text + ' ' + url;
    return {
      url: url,
      text: text,
      email: 'mailto:?subject=' + encodeURIComponent(title) + '&body=' +
        encodeURIComponent(text + '\r\n\r\n' + url),
      whatsapp: 'https://wa.me/?text=' + encodeURIComponent(message),
      telegram: 'https://t.me/share/url?url=' + encodeURIComponent(url) + '&text=' +
        encodeURIComponent(text),
      mastodon_text: encodeURIComponent(message)
    };
  }

  var HOST = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

  /*
   * The host name of a Mastodon server as a visitor may type it
   * ("mastodon.social", "https://mastodon.social/", "@naam@mastodon.social"),
   * or null when it is not a plain host name: no other scheme than https,
   * no IP address, no port, no user or password, nothing but letters, digits,
   * hyphens and dots.
   */
  function mastodonHost(input) {
    var text = String(input || '').trim().toLowerCase();
    var scheme = /^([a-z][a-z0-9+.-]*):\/\//.exec(text);
    if (scheme) {
      if (scheme[1] !== 'https') {
        return null;
      }
      text = text.slice(scheme[0].length);
    }
    text = text.replace(/\/+$/, '');
    var at = text.lastIndexOf('@');
    if (at >= 0 && text.indexOf('/') < 0 && text.indexOf(':') < 0) {
      text = text.slice(at + 1);
    }
    return HOST.test(text) ? text : null;
  }

  /* The message `name` of the section (its data-text-<name> attribute). */
  function text(section, name) {
    return section.getAttribute('data-text-' + name) || '';
  }

  function say(section, message) {
    var status = section.querySelector('.share-status');
    if (status) {
      status.textContent = message;
    }
  }

  function copyText(section, input, url) {
    var done = function () { say(section, text(section, 'copied')); };
    var fallback = function () {
      var ok = false;
      if (input) {
        input.focus();
        input.select();
        try {
          ok = root.document.execCommand('copy');
        } catch (e) {
          ok = false;
        }
      }
      say(section, text(section, ok ? 'copied' : 'copy-failed'));
    };
    if (root.navigator.clipboard && root.navigator.clipboard.writeText) {
      root.navigator.clipboard.writeText(url).then(done, fallback);
    } else {
      fallback();
    }
  }

  function enhance(section) {
    var base = section.getAttribute('data-share-url') || '';
    var title = section.getAttribute('data-share-title') || '';
    var plainText = section.getAttribute('data-share-text') || '';
    var scenarioText = section.getAttribute('data-share-scenario-text');
    var input = section.querySelector('input[type=url]');
    var current = links(title, base, plainText);

    function show(next) {
      current = next;
      ['email', 'whatsapp', 'telegram'].forEach(function (kind) {
        var a = section.querySelector('a[data-share="' + kind + '"]');
        if (a) {
          a.href = next[kind];
        }
      });
      if (input) {
        input.value = next.url;
      }
    }

    var actions = section.querySelector('.share-actions');
    var native = section.querySelector('.share-native');
    var copy = section.querySelector('.share-copy');
    if (actions) {
      actions.hidden = false;
    }
    if (native && typeof root.navigator.share === 'function') {
      native.hidden = false;
      native.addEventListener('click', function () {
        root.navigator.share({ title: title, text: current.text, url: current.url })
          .catch(function () { /* closed by the visitor: nothing to do */ });
      });
    }
    if (copy) {
      copy.addEventListener('click', function () { copyText(section, input, current.url); });
    }

    var form = section.querySelector('.share-mastodon');
    if (form) {
      var field = form.querySelector('input');
      var error = form.querySelector('.share-error');
      form.hidden = false;
      form.addEventListener('submit', function (event) {
        event.preventDefault();
        var host = mastodonHost(field.value);
        if (!host) {
          field.setAttribute('aria-invalid', 'true');
          error.textContent = text(section, 'mastodon-invalid');
          field.focus();
          return;
        }
        field.removeAttribute('aria-invalid');
        error.textContent = '';
        root.open('https://' + host + '/share?text=' + current.mastodon_text, '_blank', 'noopener,noreferrer');
      });
    }
    var note = section.querySelector('.share-nojs');
    if (note) {
      var hint = text(section, typeof root.navigator.share === 'function' ? 'hint-native' : 'hint-copy');
      if (hint) {
        note.textContent = hint;
      }
    }

    if (scenarioText !== null) {
      root.document.addEventListener('chatcontrole:scenario', function (event) {
        var query = event.detail && typeof event.detail.query === 'string' ? event.detail.query : '';
        show(query ?
          links(title, base + query + '#wat-als', scenarioText) :
          links(title, base, plainText));
      });
    }
  }

  root.chatcontroleShare = { links: links, mastodonHost: mastodonHost };
  if (root.document) {
    Array.prototype.forEach.call(root.document.querySelectorAll('section.share'), enhance);
  }
}(typeof window !== 'undefined' ? window : globalThis));
