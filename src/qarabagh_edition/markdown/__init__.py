"""The edition's per-page transforms as Python-Markdown extensions, so that any engine
that renders pages with Python-Markdown (MkDocs, ProperDocs, Zensical) runs them:

* `paragraph_numbers`: `data-paragraph="12"` on the paper's numbered blocks;
* `citation_links`: each in-text citation one link to its reference, and the editors'
  note after a paragraph whose printed citation disagrees with the reference list;
* `glossary_links`: the first mention of each actor in a paragraph linked to the
  glossary.
* `conjecture_marks`: each conjecture's words marked where they stand, with a "conj."
  mark linked to the Corrections page; after the glossary links, which it leaves whole.

List them in mkdocs.yml's `markdown_extensions`, after `attr_list` and `footnotes`
(they read the IDs and footnote references those make). Each reads the project's
data from `root` (default: the current folder, where engines run).
"""
