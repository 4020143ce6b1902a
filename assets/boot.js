/* Starts the app, or explains why this browser cannot run it.
   A classic script written for old engines (no modules, no syntax newer
   than ES5): it must run even where the app itself cannot. */
(function () {
  'use strict';
  var me = document.currentScript;
  var started = false;

  var FLOOR_ZH = '本系统无法在当前浏览器中运行。请使用 Chromium 80 及以上内核的浏览器'
    + '（如 360安全浏览器、奇安信可信浏览器、QQ浏览器等请切换到“极速模式”；或使用新版 Edge、Chrome），'
    + '或 Firefox 78 ESR 及以上版本。如无法更换浏览器，请联系单位信息化管理人员。';
  var FLOOR_EN = 'This app cannot run in this browser. Use a browser based on Chromium 80 or later '
    + '(in dual-engine browsers, switch to “speed mode”), or Firefox 78 ESR or later.';

  function floor(detail) {
    if (started) { return; }
    if (!document.body) {
      document.addEventListener('DOMContentLoaded', function () { floor(detail); });
      return;
    }
    var box = document.getElementById('floor');
    if (!box) {
      box = document.createElement('div');
      box.id = 'floor';
      box.setAttribute('role', 'alert');
      box.style.cssText = 'max-width:40em;margin:3em auto;padding:1.5em;border:2px solid #a4161a;'
        + 'border-radius:6px;background:#fff;color:#1f2328;font:16px/1.7 sans-serif';
      var h = document.createElement('h1');
      h.style.cssText = 'font-size:1.3em;margin:0 0 .5em;color:#a4161a';
      h.appendChild(document.createTextNode('法治政府建设第一责任人履职自查'));
      var p = document.createElement('p');
      p.appendChild(document.createTextNode(FLOOR_ZH));
      var en = document.createElement('p');
      en.lang = 'en';
      en.style.color = '#5b636e';
      en.appendChild(document.createTextNode(FLOOR_EN));
      box.appendChild(h);
      box.appendChild(p);
      box.appendChild(en);
      document.body.appendChild(box);
    }
    if (detail && window.console) { console.warn('selfcheck: cannot start:', detail); }
  }

  function capable() {
    try {
      if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') { return false; }
      // The smallest valid module: "\0asm" version 1.
      if (!WebAssembly.validate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))) { return false; }
      if (typeof Promise === 'undefined' || typeof fetch !== 'function') { return false; }
      return 'noModule' in document.createElement('script');
    } catch (e) {
      return false;
    }
  }

  window.addEventListener('TrunkApplicationStarted', function () { started = true; });

  if (!capable()) {
    floor('missing WebAssembly, modules or fetch');
    return;
  }
  window.selfcheckFloor = floor;
  // The single-file edition starts itself from an inline module script.
  if (!me || !me.getAttribute('data-start')) { return; }
  // The app is started by a module script, so engines without modules never parse it.
  var start = document.createElement('script');
  start.type = 'module';
  start.src = me.getAttribute('data-start');
  start.onerror = function () { floor('start script failed to load'); };
  document.head.appendChild(start);
}());
