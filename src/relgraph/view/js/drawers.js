/* The two side panels as drawers on a narrow screen (below 900 px, see app.css): a button in the header opens
   each, the close button, Escape or a tap beside it closes it; only one is open at a time. On a wide screen the
   panels stand beside the drawing and the buttons are not shown. */

const NARROW = "(max-width: 900px)";

/** Each drawer and the header button that opens it. */
const DRAWERS = [["controls", "open-controls"], ["details-drawer", "open-details"]];

/** True while the drawers are in use (the screen is narrow). */
export const narrow = () => window.matchMedia(NARROW).matches;

/** Open the drawer with this id (closing the other), or close both with null. */
export const showDrawer = (id) => {
  DRAWERS.forEach(([drawer, button]) => {
    const open = drawer === id;
    document.getElementById(drawer).classList.toggle("open", open);
    document.getElementById(button).setAttribute("aria-expanded", String(open));
  });
  document.getElementById("scrim").classList.toggle("shown", id !== null);
};

/** The id of the open drawer, or null. */
export const openDrawer = () => {
  const found = DRAWERS.find(([drawer]) => document.getElementById(drawer).classList.contains("open"));
  return found ? found[0] : null;
};

/** Say on the details button what the panel shows (the name of the selection, or nothing). */
export const labelDetails = (ui, name) => {
  const button = document.getElementById("open-details");
  button.textContent = name ? `${ui.details}: ${name}` : ui.details;
  button.title = button.textContent;
};

/** Wire the buttons, the close buttons, the scrim and Escape; the words come from `ui`. */
export const wireDrawers = (ui) => {
  document.getElementById("open-controls").textContent = ui.filters;
  labelDetails(ui, null);
  DRAWERS.forEach(([drawer, button]) => {
    const panel = document.getElementById(drawer);
    const toggle = () => showDrawer(openDrawer() === drawer ? null : drawer);
    document.getElementById(button).addEventListener("click", toggle);
    const close = panel.querySelector(".close");
    close.setAttribute("aria-label", ui.close);
    close.addEventListener("click", () => {
      showDrawer(null);
      document.getElementById(button).focus();
    });
  });
  document.getElementById("scrim").addEventListener("click", () => showDrawer(null));
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && openDrawer()) showDrawer(null);
  });
};
