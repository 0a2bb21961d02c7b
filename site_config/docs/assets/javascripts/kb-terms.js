/* Glossary terms in running text (a.kb-term, added by the generator from glossary.yml).
 * A mouse shows the definition in Material's tooltip (content.tooltips) and a click opens the
 * glossary. A tap on a touch screen shows the definition in place, with a link to the
 * glossary; a second tap on the term follows it. Runs before Material's script, which moves
 * title attributes into its tooltips, so the definitions are read here first. */
(() => {
  "use strict";

  const definitions = new WeakMap();
  let open = null;  // [term, popover]

  function close() {
    if (!open) return;
    open[1].remove();
    open[0].setAttribute("aria-expanded", "false");
    open = null;
  }

  function show(term) {
    close();
    const popover = document.createElement("div");
    popover.className = "kb-term-popover md-typeset";
    popover.setAttribute("role", "tooltip");
    popover.id = "kb-term-popover";
    const text = document.createElement("p");
    text.textContent = definitions.get(term);
    const more = document.createElement("a");
    more.href = term.href;
    more.textContent = "在术语表中查看 →";
    popover.append(text, more);
    const box = term.getBoundingClientRect();
    popover.style.left = `${Math.max(8, scrollX + box.left)}px`;
    popover.style.top = `${scrollY + box.bottom + 6}px`;
    document.body.appendChild(popover);
    place(popover, box);
    term.setAttribute("aria-expanded", "true");
    term.setAttribute("aria-describedby", popover.id);
    open = [term, popover];
  }

  /* Keeps the popover on screen: left of the term when it would run past the right edge,
   * above the term when there is no room below (a term near the bottom of a phone's screen),
   * and scrolling inside itself when neither has room. */
  function place(popover, box) {
    // the screen's size: on a phone innerWidth grows with anything sticking out, this popover too
    const width = document.documentElement.clientWidth;
    const height = window.visualViewport ? visualViewport.height : innerHeight;
    const overflow = popover.getBoundingClientRect().right - (width - 8);
    if (overflow > 0) popover.style.left = `${Math.max(8, scrollX + box.left - overflow)}px`;
    const header = document.querySelector(".md-header");  // fixed at the top: not room
    const top = header ? header.getBoundingClientRect().bottom : 0;
    const below = height - box.bottom - 14, above = box.top - top - 14;
    const tall = popover.offsetHeight;
    if (tall > below && above > below) {
      popover.style.maxHeight = `${Math.max(80, above)}px`;
      popover.style.top = `${scrollY + box.top - 6 - Math.min(tall, Math.max(80, above))}px`;
    } else if (tall > below) {
      popover.style.maxHeight = `${Math.max(80, below)}px`;
    }
  }

  /* On a touch screen the popover below shows the definition; Material's tooltip would
   * show too on the same tap, so the title goes (it is kept here). */
  const touchScreen = matchMedia("(pointer: coarse)").matches;

  function collect() {
    for (const term of document.querySelectorAll("a.kb-term[title]")) {
      if (definitions.has(term)) continue;
      definitions.set(term, term.title);
      if (touchScreen) term.removeAttribute("title");
    }
  }

  let touched = false;  // the last pointer was a finger, not a mouse
  addEventListener("pointerdown", event => { touched = event.pointerType === "touch"; }, true);
  addEventListener("click", event => {
    const term = event.target.closest && event.target.closest("a.kb-term");
    if (term && (touched || touchScreen) && definitions.has(term) &&
        (!open || open[0] !== term)) {
      event.preventDefault();
      show(term);
    } else if (!(open && open[1].contains(event.target))) {
      close();
    }
  });
  addEventListener("keydown", event => { if (event.key === "Escape") close(); });

  collect();  // the page above this script is already parsed
  document.addEventListener("DOMContentLoaded", collect);
})();
