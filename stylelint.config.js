// Stylelint for our style sheets in docs/assets/stylesheets (make lint).
// The recommended set (possible errors: unknown properties, invalid hex colours,
// duplicate selectors and properties...), not the "standard" set's house style: our
// sheets follow Material's naming (.md-nav__link, --md-accent-fg-color--transparent),
// which the standard set's kebab-case patterns reject.
"use strict";

module.exports = {
  extends: ["stylelint-config-recommended"],
  ignoreFiles: ["node_modules/**", "site/**", "build/**", "bench/**", ".venv/**", "dist/**", "tests/**"],
  rules: {
    // Overriding Material means following its selectors: a rule for `.md-typeset a`
    // beside our `.page-list a` is fine in any order, and the rule cannot know it.
    "no-descending-specificity": null,
    // `clip` stays in the visually-hidden pattern for the older browsers that lack clip-path.
    "property-no-deprecated": [true, { ignoreProperties: ["clip"] }],
  },
};
