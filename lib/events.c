/*
 * events.c — PLACEHOLDER for the event coder (issue 4): codes no events yet.
 */
#include "events.h"

int tv_events_code(treve_doc *doc, treve_error *err)
{
    (void)err;
    doc->events = NULL;
    doc->nevents = 0;
    return TREVE_OK;
}

int treve_doc_write_events(const treve_doc *doc, treve_format f, treve_write_fn w, void *user)
{
    (void)doc; (void)f; (void)w; (void)user;
    return TREVE_OK;
}

int treve_write_events_csv_header(treve_write_fn w, void *user)
{
    static const char header[] = "event_id,article_id,lang,cameo,plover_type,label\n";
    return w(user, header, sizeof header - 1) == 0 ? TREVE_OK : TREVE_EIO;
}
