"""schema.org descriptions (JSON-LD) of the article and of the corrected edition, for the
pages' metadata."""

from __future__ import annotations


def edition_json_ld(article: dict, version: dict, editors: str, site_url: str) -> dict:
    """schema.org for the corrected English edition (the reading pages): a work based on
    the article, by its editors, at a version (date and commit of the site's source)."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": f"{article['name']} (corrected English edition)",
        "isBasedOn": {k: v for k, v in article.items() if k != "@context"},
        "editor": {"@type": "Organization", "name": editors},
        "inLanguage": "en",
        "url": site_url,
    }
    if version.get("commit"):
        data["version"] = f"{version['date']}, commit {version['short']}"
        data["dateModified"] = version["date"]
    return data


def json_ld(paper: dict, site_url: str) -> dict:
    """schema.org ScholarlyArticle, nested issue -> volume -> periodical as schema.org models journals."""
    return {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": paper["title"],
        "name": paper["title"],
        "author": [
            {"@type": "Person", "name": a["name"], "affiliation": {"@type": "Organization", "name": a["affiliation"]}}
            for a in paper["authors"]
        ],
        "datePublished": str(paper["year"]),
        "pageStart": paper["first_page"],
        "pageEnd": paper["last_page"],
        "keywords": paper.get("keywords", []),
        "inLanguage": "en",
        "url": site_url,
        "sameAs": paper["url"],
        "publisher": {"@type": "Organization", "name": paper["publisher"]},
        "isPartOf": {
            "@type": "PublicationIssue",
            "issueNumber": str(paper["issue"]),
            "isPartOf": {
                "@type": "PublicationVolume",
                "volumeNumber": str(paper["volume"]),
                "isPartOf": {"@type": "Periodical", "name": paper["journal"], "issn": paper["issn"]},
            },
        },
    }
