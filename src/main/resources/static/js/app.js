// Enhancement only: every feature here also works without JavaScript.
(function () {
  'use strict';

  // L3: open quick view in place; the URL keeps `view=` so the open panel can be bookmarked.
  function slot() { return document.getElementById('quick-view-slot'); }

  function listQuery(orderNumber) {
    var params = new URLSearchParams(window.location.search);
    params.delete('view');
    params.delete('lang');
    if (orderNumber) { params.set('view', orderNumber); }
    return params;
  }

  function markSelected(orderNumber) {
    document.querySelectorAll('tr[data-order]').forEach(function (row) {
      row.classList.toggle('selected', row.getAttribute('data-order') === orderNumber);
    });
    var main = document.getElementById('content');
    if (main) { main.classList.toggle('panel-open', !!orderNumber); }
  }

  function openQuickView(orderNumber, push) {
    var query = listQuery(null);
    fetch('/orders/' + encodeURIComponent(orderNumber) + '/quick-view?' + query.toString(), {
      headers: { 'Accept': 'text/html' }, credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) { throw new Error('quick view ' + response.status); }
      return response.text();
    }).then(function (html) {
      slot().innerHTML = html;
      markSelected(orderNumber);
      if (push) { history.pushState({ view: orderNumber }, '', '/orders?' + listQuery(orderNumber).toString()); }
      var heading = slot().querySelector('h2');
      if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
    }).catch(function () {
      window.location.href = '/orders?' + listQuery(orderNumber).toString();
    });
  }

  function closeQuickView(push) {
    slot().innerHTML = '';
    markSelected(null);
    if (push) { history.pushState({ view: null }, '', '/orders' + (listQuery(null).toString() ? '?' + listQuery(null) : '')); }
  }

  // Issue 9: on a phone the navigation opens over the page. Without JavaScript the menu button's
  // link (#navigation) opens it by CSS :target; with it, the page keeps its URL and focus moves in.
  function setMenu(open) {
    document.body.classList.toggle('nav-open', open);
    var button = document.querySelector('.menu-button');
    if (button) { button.setAttribute('aria-expanded', open ? 'true' : 'false'); }
    var nav = document.getElementById('navigation');
    if (open && nav) {
      var first = nav.querySelector('a.current') || nav.querySelector('a');
      if (first) { first.focus(); }
    } else if (!open && button) {
      button.focus();
    }
  }

  document.addEventListener('click', function (event) {
    if (event.target.closest('.menu-button')) {
      event.preventDefault();
      setMenu(!document.body.classList.contains('nav-open'));
      return;
    }
    if (event.target.closest('.menu-close')) {
      event.preventDefault();
      setMenu(false);
      return;
    }
    var open = event.target.closest('[data-quick-view]');
    if (open && slot() && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      openQuickView(open.getAttribute('data-quick-view'), true);
      return;
    }
    var close = event.target.closest('[data-quick-view-close]');
    if (close && slot()) {
      event.preventDefault();
      closeQuickView(true);
      return;
    }
    var demo = event.target.closest('[data-demo-email]');
    if (demo) {
      document.getElementById('username').value = demo.getAttribute('data-demo-email');
      document.getElementById('password').value = demo.getAttribute('data-demo-password');
      document.getElementById('password').focus();
    }
  });

  // Double submits: a form marked data-once sends once; the server refuses a replay anyway
  // (the order's version travels with the form).
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-once')) { return; }
    if (form.getAttribute('data-sent') === 'true') { event.preventDefault(); return; }
    form.setAttribute('data-sent', 'true');
    window.setTimeout(function () {
      form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  window.addEventListener('popstate', function () {
    if (!slot()) { return; }
    var view = new URLSearchParams(window.location.search).get('view');
    if (view) { openQuickView(view, false); } else { closeQuickView(false); }
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) { setMenu(false); return; }
    if (event.key === 'Escape' && slot() && slot().innerHTML.trim() !== '') { closeQuickView(true); }
  });

  // O1: the request form shows the parts the chosen product and payment use (all are shown without
  // JavaScript, and the server ignores the parts a product does not use).
  function showRequestFormParts(form) {
    var product = form.querySelector('[data-product]');
    var option = product && product.options[product.selectedIndex];
    var checkedPayment = form.querySelector('input[name=paymentMethod]:checked');
    var payment = checkedPayment ? checkedPayment.value : '';
    form.querySelectorAll('[data-needs=domains]').forEach(function (part) {
      part.hidden = !!option && option.getAttribute('data-domains') !== 'true';
    });
    form.querySelectorAll('[data-needs=token]').forEach(function (part) {
      part.hidden = !!option && option.getAttribute('data-token') !== 'true';
    });
    form.querySelectorAll('[data-payment]').forEach(function (part) {
      part.hidden = part.getAttribute('data-payment') !== payment;
    });
  }

  document.querySelectorAll('[data-request-form]').forEach(function (form) {
    showRequestFormParts(form);
    form.addEventListener('change', function () { showRequestFormParts(form); });
  });

  // Back after an action: a page restored from the browser's cache would show a stale form with its
  // buttons disabled; load it again, so the server says where things stand now.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && document.querySelector('form[data-once]')) { window.location.reload(); }
  });
})();
