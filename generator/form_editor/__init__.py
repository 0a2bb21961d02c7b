"""The form editor at /admin/ (Decap CMS): its fields, configuration, page, vendored files and
the local backend kb serve answers with."""
