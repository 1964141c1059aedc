"""What the edition's MkDocs hooks need to know about MkDocs' plugins, kept out of the
engine-free `qarabagh_edition` package. Only `bibtex` lives here: the one door to
mkdocs-bibtex, so that replacing it (say, by a Pandoc/CSL step of our own) touches
one module."""
