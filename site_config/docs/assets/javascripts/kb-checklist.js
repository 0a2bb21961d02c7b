/* A checklist page as a tool: a checkbox per item, progress (已完成 3/5), ticks kept in this
 * browser (localStorage, by checklist and item id, so they survive a reload, a new build and
 * the items being reordered), and a button to clear them. Without JavaScript the page stays
 * a numbered list; printed, each item gets an empty box (kb.css). */
(() => {
  "use strict";

  const list = document.querySelector("ol.kb-checklist[id^='checklist-']");
  if (!list) return;
  const key = `kb-checklist/${list.id.slice("checklist-".length)}`;
  const items = [...list.querySelectorAll(":scope > li[id^='item-']")];
  let ticked = {};
  try {
    ticked = JSON.parse(localStorage.getItem(key)) || {};
  } catch (error) {  // storage blocked: ticks last as long as the page
    ticked = {};
  }

  const progress = document.createElement("p");
  progress.className = "kb-checklist__progress";
  progress.setAttribute("role", "status");
  const reset = document.createElement("button");
  reset.type = "button";
  reset.className = "md-button kb-checklist__reset";
  reset.textContent = "清空勾选";
  // the page keeps room for the bar, so the list does not move when it is filled in
  let bar = list.parentElement.querySelector(".kb-checklist__bar");
  if (!bar) {
    bar = document.createElement("div");
    bar.className = "kb-checklist__bar";
    list.before(bar);
  }
  bar.append(progress, reset);

  const boxes = items.map(item => {
    const id = item.id.slice("item-".length);
    const text = item.querySelector(".kb-checklist__text");
    text.id = `text-${id}`;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.className = "kb-checklist__box";
    box.setAttribute("aria-labelledby", text.id);
    box.checked = ticked[id] === true;
    box.addEventListener("change", () => {
      if (box.checked) ticked[id] = true; else delete ticked[id];
      save();
      update();
    });
    item.prepend(box);
    return box;
  });

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify(ticked));
    } catch (error) {
      /* storage full or blocked: the ticks stay on the page */
    }
  }

  function update() {
    const done = boxes.filter(box => box.checked).length;
    progress.textContent = `已完成 ${done}/${boxes.length}`;
    items.forEach((item, i) => item.classList.toggle("kb-checklist__done", boxes[i].checked));
    reset.disabled = done === 0;
  }

  reset.addEventListener("click", () => {
    ticked = {};
    boxes.forEach(box => { box.checked = false; });
    save();
    update();
  });
  update();
})();
