// Rapport console: draws the charts whose data the server put in data-* attributes (no inline script: the page's CSP
// allows scripts from this origin only). ECharts renders SVG so the charts are part of the document.
(function () {
  function draw() {
    if (typeof echarts === 'undefined') { return; }
    var pareto = document.getElementById('pareto-chart');
    if (pareto && !pareto.dataset.drawn) {
      var data = JSON.parse(pareto.dataset.pareto);
      var chart = echarts.init(pareto, null, { renderer: 'svg' });
      chart.setOption({
        animation: false,
        aria: { enabled: true },
        grid: { left: 56, right: 24, top: 24, bottom: 48 },
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
        xAxis: { type: 'value', min: 0, max: 100, name: 'top % of customers', nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'value', min: 0, max: 100, name: '% of value' },
        series: [{
          name: 'Share of value', type: 'line', showSymbol: true, symbolSize: 3, data: data.points,
          lineStyle: { color: '#0b57d0', width: 2 }, itemStyle: { color: '#0b57d0' },
          markLine: { symbol: 'none', label: { formatter: '{b}' }, lineStyle: { color: '#a40e26', type: 'dashed' },
            data: data.cutOffs.map(function (c) { return { name: c.label + ' ≤ ' + c.customerPercent + ' %', xAxis: c.customerPercent }; }) }
        }]
      });
      pareto.dataset.drawn = 'true';
    }
    var tiers = document.getElementById('tier-chart');
    if (tiers && !tiers.dataset.drawn) {
      var t = JSON.parse(tiers.dataset.tiers);
      var bar = echarts.init(tiers, null, { renderer: 'svg' });
      bar.setOption({
        animation: false, aria: { enabled: true }, grid: { left: 64, right: 16, top: 24, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: t.tiers.map(function (x) { return x.name; }) },
        yAxis: { type: 'value', name: 'members', minInterval: 1 },
        series: [{ name: 'Members', type: 'bar', data: t.tiers.map(function (x) { return x.members; }),
          label: { show: true, position: 'top' }, itemStyle: { color: '#0b57d0' } }]
      });
      tiers.dataset.drawn = 'true';
    }
    var months = document.getElementById('points-chart');
    if (months && !months.dataset.drawn) {
      var m = JSON.parse(months.dataset.months);
      var lines = echarts.init(months, null, { renderer: 'svg' });
      lines.setOption({
        animation: false, aria: { enabled: true }, grid: { left: 64, right: 16, top: 40, bottom: 32 },
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        xAxis: { type: 'category', data: m.months },
        yAxis: { type: 'value', name: 'points' },
        series: [
          { name: 'Earned', type: 'bar', data: m.earned, itemStyle: { color: '#0b57d0' } },
          { name: 'Redeemed', type: 'bar', data: m.redeemed, itemStyle: { color: '#116329' } },
          { name: 'Expired', type: 'bar', data: m.expired, itemStyle: { color: '#a40e26' } }
        ]
      });
      months.dataset.drawn = 'true';
    }
    var liability = document.getElementById('liability-chart');
    if (liability && !liability.dataset.drawn) {
      var l = JSON.parse(liability.dataset.liability);
      var stack = echarts.init(liability, null, { renderer: 'svg' });
      stack.setOption({
        animation: false, aria: { enabled: true }, grid: { left: 96, right: 16, top: 32, bottom: 24 },
        tooltip: { trigger: 'axis' }, legend: { top: 0 },
        xAxis: { type: 'value', name: 'points' },
        yAxis: { type: 'category', data: l.map(function (x) { return x.name; }) },
        series: [
          { name: 'Expiring within 90 days', type: 'bar', stack: 'points', data: l.map(function (x) { return x.expiringSoon; }), itemStyle: { color: '#7a4d00' } },
          { name: 'Later', type: 'bar', stack: 'points', data: l.map(function (x) { return x.later; }), itemStyle: { color: '#0b57d0' } }
        ]
      });
      liability.dataset.drawn = 'true';
    }
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart').forEach(function (el) { var c = echarts.getInstanceByDom(el); if (c) { c.resize(); } });
  });
})();
