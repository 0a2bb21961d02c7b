/* Our additions to the form editor (Decap CMS), loaded after it on /admin/. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  if (!CMS || !h || !createClass) return;

  // Markdown fields open as plain text (the preview beside them shows the result): the rich
  // text view rewrites Markdown it did not change, and Chinese input methods are safe in a
  // plain text box. Someone who switches to 富文本 keeps that choice.
  try {
    if (!window.localStorage.getItem("cms.md-mode")) {
      window.localStorage.setItem("cms.md-mode", "raw");
    }
  } catch { /* storage blocked: Decap's own default applies */ }

  // A checklist item's id: made once when the item is added, shown, never edited. Readers'
  // ticks are stored under it, so an old item keeps the id it has.
  function newItemId() {
    var time = Date.now().toString(36);
    var random = Math.floor(Math.random() * 1679616).toString(36);
    return "item-" + time + "-" + random;
  }

  var ItemIdControl = createClass({
    componentDidMount: function () {
      if (!this.props.value) this.props.onChange(newItemId());
    },
    render: function () {
      return h("output", {
        id: this.props.forID,
        className: this.props.classNameWrapper,
        "aria-describedby": this.props.forID + "-hint"
      }, this.props.value || "（保存时生成）");
    }
  });
  var ItemIdPreview = createClass({
    render: function () { return h("code", {}, this.props.value || ""); }
  });
  CMS.registerWidget("kb-item-id", ItemIdControl, ItemIdPreview);
})();
