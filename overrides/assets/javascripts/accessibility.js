// Accessible names that Material's templates leave out (axe-core reports them):
// its search overlay has role="dialog" without a name. Set once per page load.
(function () {
  "use strict";
  function name() {
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label") && !search.hasAttribute("aria-labelledby")) {
      search.setAttribute("aria-label", "Search this edition");
    }
  }
  // Material's document$ announces every page, instant navigation included; it does
  // not fire for pages opened from disk, so also start on DOMContentLoaded (running
  // twice changes nothing).
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(name);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", name);
  } else {
    name();
  }
})();
