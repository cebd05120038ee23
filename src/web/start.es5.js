/*
 * The web page's start-up check, in plain ES5 so that it runs in any browser: the page's
 * bundle is ES2019 and needs a few browser APIs; where they are missing (an old browser, or a
 * 360 / QAX browser in its IE-compatible mode) this says which browser to use instead of
 * leaving a blank page. The texts are the catalogue's `web.unsupportedBrowser`
 * (test/web/start.test.ts keeps them the same).
 */
/* global window, document */
(function () {
  var UNSUPPORTED_ZH =
    '当前浏览器版本过旧，无法运行 Tally 网页版。请使用 Chrome、Edge 或 Firefox 的较新版本（2020 年以后发布），或 360、奇安信等浏览器的“极速模式”。';
  var UNSUPPORTED_EN =
    'This browser is too old to run Tally. Use a recent Chrome, Edge or Firefox (released 2020 or later), or the “speed mode” of 360 or QAX browsers.';

  function modern() {
    try {
      return (
        typeof Promise === 'function' &&
        typeof Promise.prototype['finally'] === 'function' &&
        typeof Map === 'function' &&
        typeof Set === 'function' &&
        typeof Symbol === 'function' &&
        typeof Object.fromEntries === 'function' &&
        typeof Array.prototype.flat === 'function' &&
        typeof String.prototype.trimStart === 'function' &&
        typeof window.TextDecoder !== 'undefined' &&
        typeof window.Blob !== 'undefined' &&
        typeof window.URL !== 'undefined' &&
        typeof URL.createObjectURL === 'function' &&
        typeof window.FileReader !== 'undefined' &&
        typeof Uint8Array === 'function'
      );
      // ES5 has no catch without a binding:
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
    } catch (e) {
      return false;
    }
  }

  function unsupported(reason) {
    if (window.__tallyStarted) return;
    window.__tallyUnsupported = true;
    var box = document.getElementById('tally-boot');
    if (!box) return;
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-state', 'unsupported');
    box.setAttribute('data-reason', reason);
    document.getElementById('tally-boot-zh').firstChild.nodeValue = UNSUPPORTED_ZH;
    document.getElementById('tally-boot-en').firstChild.nodeValue = UNSUPPORTED_EN;
  }

  // The bundle does not parse here after all (the built-ins are there, the syntax is not).
  window.onerror = function (message, source, line, column, error) {
    var syntax = (error && error.name === 'SyntaxError') || /SyntaxError/.test(String(message));
    if (syntax && !window.__tallyStarted) unsupported('syntax');
  };
  if (!modern()) unsupported('engine');
})();
