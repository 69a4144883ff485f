// Draws the Reports page's charts with ECharts from the numbers the page carries in data-chart. Every chart has
// a table with the same numbers next to it ("Show as table"), so nothing depends on this script or on colour:
// series differ by pattern (bars with and without hatching, solid and dashed lines) and are named in the legend.
(function () {
  "use strict";

  function draw(el) {
    if (!window.echarts || el.dataset.drawn) return;
    var spec = JSON.parse(el.getAttribute("data-chart"));
    el.dataset.drawn = "1";
    var chart = window.echarts.init(el, null, { renderer: "svg" });
    var bar = spec.kind === "bar";
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      animation: false,
      color: ["#1f5fae", "#b35c00"],
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: "category", data: spec.labels },
      yAxis: { type: "value", name: spec.unit || "", minInterval: bar ? 1 : 0 },
      series: spec.series.map(function (s, i) {
        return bar
          ? { name: s.name, type: "bar", data: s.data }
          : { name: s.name, type: "line", data: s.data, connectNulls: false, symbol: i === 0 ? "circle" : "triangle",
              lineStyle: { type: i === 0 ? "solid" : "dashed" } };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  function drawAll() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart[data-chart]"), draw);
    var zone = document.querySelector(".js-timezone");
    var params = new URLSearchParams(window.location.search);
    if (zone && !params.has("timezone") && window.Intl) {
      zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || zone.value;
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
