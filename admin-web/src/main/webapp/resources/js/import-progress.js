// The import page while an import runs: asks the server for its progress every second, moves the
// progress bar and the count, and reloads the page (which then shows the report) when it is done.
// Without script, the page's "Show progress" link does the same by hand.
(function () {
  'use strict';
  var bar = document.getElementById('import-progress');
  if (!bar || !bar.dataset.url) {
    return;
  }
  var count = document.getElementById('import-count');
  var template = count ? count.dataset.template : null;
  function poll() {
    fetch(bar.dataset.url, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('status ' + response.status);
        }
        return response.json();
      })
      .then(function (p) {
        bar.value = p.percent;
        bar.textContent = p.percent + '%';
        if (count && template) {
          count.textContent = template.replace('{0}', p.studies).replace('{1}', p.percent);
        }
        if (p.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }
  window.setTimeout(poll, 500);
}());
