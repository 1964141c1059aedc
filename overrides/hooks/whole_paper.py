"""The whole paper on one page, /print_page/ (for reading straight through, printing and
the PDF): a page of the site, in the site's own template, whose content is every page of
the paper as built, put together by `qarabagh_edition.downloads.whole_paper`, which keeps
every paragraph's, footnote's and glossary entry's anchor and every link working.

Which pages it holds is set in mkdocs.yml (`extra.whole_paper`). The page is left out of
the search index: its text is already there under the sections.
"""
from __future__ import annotations


from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from qarabagh_edition.downloads.whole_paper import Section, combine

PAGE = "print_page.md"
HOME_TITLE = "Abstract and keywords"  # the home page carries them under the paper's title


def on_files(files, config, **kwargs):
    title = config.extra["whole_paper"]["title"]
    front = f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n# {title} {{ #the-whole-paper }}\n"
    files.append(File.generated(config, PAGE, content=front))
    return files


@event_priority(100)  # before the search plugin and the template read the page
def on_page_context(context, page, config, nav, **kwargs):
    # Every page's content is complete by now: MkDocs renders all pages' Markdown (and
    # runs every on_page_content) before it builds the first page's context.
    if page.file.src_uri == PAGE:
        excluded = set(config.extra["whole_paper"].get("exclude") or []) | {PAGE}
        sections = [Section(p.url, HOME_TITLE if p.is_homepage else p.title, p.content)
                    for p in nav.pages if p.file.src_uri not in excluded and p.content is not None]
        combined = combine(sections, page.url)
        page.content = (page.content + f'\n<div id="whole-paper">\n{combined}\n</div>')
    return context
