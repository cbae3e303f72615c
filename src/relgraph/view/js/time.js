/* The time control: a tick box and a year slider. With it on, relations not yet started or already ended that
   year are hidden and undated ones are faded and marked "(date unknown)". */

import { yearOf } from "./filters.js";
import { refresh, restyle } from "./network.js";

/** The slider's range and starting year from the data's `[first, last]` years and its as-of day, or null when
    nothing is dated. The as-of year is the start, else the last year. Pure. */
export const timeRange = (years, asOf) => {
  const asOfYear = asOf ? yearOf(asOf) : null;
  if (!years) return null;
  const start = asOfYear || years[1];
  return { min: Math.min(years[0], start), max: Math.max(years[1], start), start };
};

const controls = () => ({
  on: document.getElementById("time-on"),
  year: document.getElementById("year"),
  out: document.getElementById("year-out"),
});

/** Follow the controls: set `app.filter.year` and redraw; the relations are restyled when marking turns on or
    off (every restyle computes its curves afresh, see style.parallelRanks). */
export const applyTime = (app) => {
  const c = controls();
  c.year.disabled = !c.on.checked;
  c.out.textContent = c.on.checked ? c.year.value : "";
  const y = c.on.checked ? parseInt(c.year.value, 10) : null;
  const was = app.filter.year;
  if (y === was) return;
  app.filter.year = y;
  if ((was === null) !== (y === null)) {
    app.marked = y !== null;
    restyle(app, true);  // marking changes relations only
  }
  refresh(app);
};

/** Back to the start: on at the as-of year when the view has one, else off at the last year. */
export const resetTime = (app) => {
  const c = controls();
  const range = timeRange(app.data.years, app.data.as_of);
  c.on.checked = Boolean(app.data.as_of && yearOf(app.data.as_of));
  if (range) c.year.value = range.start;
  applyTime(app);
};

/** Set the slider's range and start, and follow the controls. */
export const setupTime = (app) => {
  const c = controls();
  const range = timeRange(app.data.years, app.data.as_of);
  if (range) {
    c.year.min = range.min;
    c.year.max = range.max;
    c.year.value = range.start;
  } else {
    c.on.disabled = true;
  }
  c.on.addEventListener("change", () => applyTime(app));
  c.year.addEventListener("input", () => applyTime(app));
};
