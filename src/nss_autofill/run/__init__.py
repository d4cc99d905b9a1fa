"""One run of the tool: the browser it starts, the page loop, the report, the audit bundle and
the recordings. Uses the engine page by page; knows no NSS caption of its own."""
