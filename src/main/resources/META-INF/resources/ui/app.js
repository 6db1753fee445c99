// Small helpers for the pages (no inline scripts: the Content-Security-Policy forbids them).
(function () {
  'use strict';
  const THRESHOLD = 2;

  // The map: show each region's difference and its tighter side on the diagram as scores are typed.
  function updateRow(row) {
    const region = row.dataset.region;
    const left = row.querySelector('input[data-side=left]');
    const right = row.querySelector('input[data-side=right]');
    const out = row.querySelector('output.diff');
    const l = left.value === '' ? null : Number(left.value);
    const r = right.value === '' ? null : Number(right.value);
    const dotL = document.getElementById('dot-' + region + '-left');
    const dotR = document.getElementById('dot-' + region + '-right');
    [dotL, dotR].forEach(d => d && d.classList.remove('tight', 'tighter'));
    if (l === null || r === null || Number.isNaN(l) || Number.isNaN(r)) {
      out.textContent = '';
      out.classList.remove('imbalanced');
      return;
    }
    const diff = l - r;
    out.textContent = diff === 0 ? 'even' : (diff > 0 ? 'left +' + diff : 'right +' + (-diff));
    const imbalanced = Math.abs(diff) >= THRESHOLD;
    out.classList.toggle('imbalanced', imbalanced);
    if (diff !== 0) {
      const tighter = diff > 0 ? dotL : dotR;
      if (tighter) tighter.classList.add(imbalanced ? 'tighter' : 'tight');
    }
  }

  document.querySelectorAll('tr.score-row').forEach(row => {
    row.querySelectorAll('input.score').forEach(input => input.addEventListener('input', () => updateRow(row)));
    updateRow(row);
  });

  // Server errors: bring the summary into view.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  document.querySelectorAll('button.print').forEach(b => b.addEventListener('click', () => window.print()));
})();
