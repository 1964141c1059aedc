"""The edition's per-page transforms as Python-Markdown extensions, so that any engine
that renders pages with Python-Markdown (MkDocs, ProperDocs, Zensical) runs them:

* `paragraph_numbers`: `data-paragraph="12"` on the paper's numbered blocks;
* `citation_links`: each in-text citation one link to its reference, and the editors'
  note after a paragraph whose printed citation disagrees with the reference list;
* `glossary_links`: the first mention of each actor in a paragraph linked to the
  glossary.
* `change_marks`: every change of a paragraph's apparatus marked where it stands, with
  its class (shown when the reader asks for the changes), and a conjecture's "conj."
  mark linked to the Corrections page; after the glossary links, which it leaves whole.
* `reading_markers`: a corrected paragraph's "Corrected" marker (a link to the record)
  and the editors' queries under a paragraph;
* `editorial_badges`: the "Editorial heading" badge of a heading the editors added;
* `reading_time`: a section's reading time under its title;
* `tooltips`: the permalinks' and back-links' titles as the edition's tooltips.

The apparatus lines a page's paragraphs carry are read once, and taken out of the page,
by `apparatus_lines` (a preprocessor the two extensions that show them register).

List them in mkdocs.yml's `markdown_extensions`, after `attr_list`, `footnotes` and
`toc` (they read the IDs, footnote references and permalinks those make); their
priorities keep the order ARCHITECTURE.md documents. Each reads the project's
data from `root` (default: the current folder, where engines run).
"""
